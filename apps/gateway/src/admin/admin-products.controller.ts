import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query, Req } from '@nestjs/common';
import {
  AdminListProductsQuery,
  AdminProductList,
  AdminVariantInput,
  CatalogCommands,
  CreateProductRequest,
  DeletedReply,
  OptionDeletedReply,
  OptionTitle,
  ProductFields,
  ProductReply,
  VariantChanges,
  VariantDeletedReply,
} from '@app/contracts';
import { CommandClient } from '@app/platform';
import { FastifyRequest } from 'fastify';
import { Authenticator } from '../auth/authenticator.service';

/**
 * The merchant's products (Medusa v1 admin): list and read them in any status, create one with its
 * options, variants, prices and stock, change it, delete it, add and change variants. Every write is
 * once per Idempotency-Key and answers `{ product }` as it then is.
 */
@Controller('admin/products')
export class AdminProductsController {
  constructor(
    private readonly commands: CommandClient,
    private readonly authenticator: Authenticator,
  ) {}

  /** `GET /admin/products`: `{ products, count, offset, limit }` (`q`, `status[]`, 50 a page). */
  @Get()
  async list(
    @Req() request: FastifyRequest,
    @Query() query: AdminListProductsQuery,
  ): Promise<AdminProductList> {
    await this.authenticator.adminId(request);
    return this.commands.request(CatalogCommands.adminListProducts, query);
  }

  @Get(':id')
  async get(@Req() request: FastifyRequest, @Param('id') id: string): Promise<ProductReply> {
    await this.authenticator.adminId(request);
    return this.commands.request(CatalogCommands.adminGetProduct, { id });
  }

  @Post()
  @HttpCode(200)
  async create(@Req() request: FastifyRequest, @Body() body: CreateProductRequest): Promise<ProductReply> {
    await this.authenticator.adminId(request);
    return this.commands.request(CatalogCommands.createProduct, body);
  }

  @Post(':id')
  @HttpCode(200)
  async update(
    @Req() request: FastifyRequest,
    @Param('id') id: string,
    @Body() body: ProductFields,
  ): Promise<ProductReply> {
    await this.authenticator.adminId(request);
    return this.commands.request(CatalogCommands.updateProduct, { ...body, id });
  }

  /** `DELETE /admin/products/{id}`: `{ id, object: 'product', deleted: true }`. */
  @Delete(':id')
  async delete(@Req() request: FastifyRequest, @Param('id') id: string): Promise<DeletedReply> {
    await this.authenticator.adminId(request);
    return this.commands.request(CatalogCommands.deleteProduct, { id });
  }

  @Post(':id/variants')
  @HttpCode(200)
  async addVariant(
    @Req() request: FastifyRequest,
    @Param('id') id: string,
    @Body() body: AdminVariantInput,
  ): Promise<ProductReply> {
    await this.authenticator.adminId(request);
    return this.commands.request(CatalogCommands.createVariant, { ...body, product_id: id });
  }

  @Post(':id/variants/:variant_id')
  @HttpCode(200)
  async updateVariant(
    @Req() request: FastifyRequest,
    @Param('id') id: string,
    @Param('variant_id') variantId: string,
    @Body() body: VariantChanges,
  ): Promise<ProductReply> {
    await this.authenticator.adminId(request);
    return this.commands.request(CatalogCommands.updateVariant, {
      ...body,
      product_id: id,
      variant_id: variantId,
    });
  }

  /** `DELETE /admin/products/{id}/variants/{variant_id}`: `{ variant_id, object, deleted, product }`. */
  @Delete(':id/variants/:variant_id')
  async deleteVariant(
    @Req() request: FastifyRequest,
    @Param('id') id: string,
    @Param('variant_id') variantId: string,
  ): Promise<VariantDeletedReply> {
    await this.authenticator.adminId(request);
    return this.commands.request(CatalogCommands.deleteVariant, { product_id: id, variant_id: variantId });
  }

  /** `POST /admin/products/{id}/options` `{ title }`: `{ product }`. */
  @Post(':id/options')
  @HttpCode(200)
  async addOption(
    @Req() request: FastifyRequest,
    @Param('id') id: string,
    @Body() body: OptionTitle,
  ): Promise<ProductReply> {
    await this.authenticator.adminId(request);
    return this.commands.request(CatalogCommands.addProductOption, { ...body, product_id: id });
  }

  @Post(':id/options/:option_id')
  @HttpCode(200)
  async updateOption(
    @Req() request: FastifyRequest,
    @Param('id') id: string,
    @Param('option_id') optionId: string,
    @Body() body: OptionTitle,
  ): Promise<ProductReply> {
    await this.authenticator.adminId(request);
    return this.commands.request(CatalogCommands.updateProductOption, {
      ...body,
      product_id: id,
      option_id: optionId,
    });
  }

  /** `DELETE /admin/products/{id}/options/{option_id}`: `{ option_id, object, deleted, product }`. */
  @Delete(':id/options/:option_id')
  async deleteOption(
    @Req() request: FastifyRequest,
    @Param('id') id: string,
    @Param('option_id') optionId: string,
  ): Promise<OptionDeletedReply> {
    await this.authenticator.adminId(request);
    return this.commands.request(CatalogCommands.deleteProductOption, {
      product_id: id,
      option_id: optionId,
    });
  }
}
