import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query, UseGuards } from '@nestjs/common';
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
import { AdminGuard } from '../auth/admin.guard';

/**
 * The merchant's products (Medusa v1 admin): list and read them in any status, create one with its
 * options, variants, prices and stock, change it, delete it, add and change variants. Every write is
 * once per Idempotency-Key and answers `{ product }` as it then is.
 */
@UseGuards(AdminGuard)
@Controller('admin/products')
export class AdminProductsController {
  constructor(private readonly commands: CommandClient) {}

  /** `GET /admin/products`: `{ products, count, offset, limit }` (`q`, `status[]`, 50 a page). */
  @Get()
  async list(@Query() query: AdminListProductsQuery): Promise<AdminProductList> {
    return this.commands.request(CatalogCommands.adminListProducts, query);
  }

  @Get(':id')
  async get(@Param('id') id: string): Promise<ProductReply> {
    return this.commands.request(CatalogCommands.adminGetProduct, { id });
  }

  @Post()
  @HttpCode(200)
  async create(@Body() body: CreateProductRequest): Promise<ProductReply> {
    return this.commands.request(CatalogCommands.createProduct, body);
  }

  @Post(':id')
  @HttpCode(200)
  async update(@Param('id') id: string, @Body() body: ProductFields): Promise<ProductReply> {
    return this.commands.request(CatalogCommands.updateProduct, { ...body, id });
  }

  /** `DELETE /admin/products/{id}`: `{ id, object: 'product', deleted: true }`. */
  @Delete(':id')
  async delete(@Param('id') id: string): Promise<DeletedReply> {
    return this.commands.request(CatalogCommands.deleteProduct, { id });
  }

  @Post(':id/variants')
  @HttpCode(200)
  async addVariant(@Param('id') id: string, @Body() body: AdminVariantInput): Promise<ProductReply> {
    return this.commands.request(CatalogCommands.createVariant, { ...body, product_id: id });
  }

  @Post(':id/variants/:variant_id')
  @HttpCode(200)
  async updateVariant(
    @Param('id') id: string,
    @Param('variant_id') variantId: string,
    @Body() body: VariantChanges,
  ): Promise<ProductReply> {
    return this.commands.request(CatalogCommands.updateVariant, {
      ...body,
      product_id: id,
      variant_id: variantId,
    });
  }

  /** `DELETE /admin/products/{id}/variants/{variant_id}`: `{ variant_id, object, deleted, product }`. */
  @Delete(':id/variants/:variant_id')
  async deleteVariant(
    @Param('id') id: string,
    @Param('variant_id') variantId: string,
  ): Promise<VariantDeletedReply> {
    return this.commands.request(CatalogCommands.deleteVariant, { product_id: id, variant_id: variantId });
  }

  /** `POST /admin/products/{id}/options` `{ title }`: `{ product }`. */
  @Post(':id/options')
  @HttpCode(200)
  async addOption(@Param('id') id: string, @Body() body: OptionTitle): Promise<ProductReply> {
    return this.commands.request(CatalogCommands.addProductOption, { ...body, product_id: id });
  }

  @Post(':id/options/:option_id')
  @HttpCode(200)
  async updateOption(
    @Param('id') id: string,
    @Param('option_id') optionId: string,
    @Body() body: OptionTitle,
  ): Promise<ProductReply> {
    return this.commands.request(CatalogCommands.updateProductOption, {
      ...body,
      product_id: id,
      option_id: optionId,
    });
  }

  /** `DELETE /admin/products/{id}/options/{option_id}`: `{ option_id, object, deleted, product }`. */
  @Delete(':id/options/:option_id')
  async deleteOption(
    @Param('id') id: string,
    @Param('option_id') optionId: string,
  ): Promise<OptionDeletedReply> {
    return this.commands.request(CatalogCommands.deleteProductOption, {
      product_id: id,
      option_id: optionId,
    });
  }
}
