import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query, Req } from '@nestjs/common';
import {
  AdminListCategoriesQuery,
  CatalogCommands,
  CategoryChanges,
  CategoryList,
  CategoryProductsBatch,
  CategoryReply,
  CreateCategoryRequest,
  DeletedReply,
} from '@app/contracts';
import { CommandClient } from '@app/platform';
import { FastifyRequest } from 'fastify';
import { Authenticator } from '../auth/authenticator.service';

/**
 * The merchant's product categories (Medusa v1 admin): the whole tree, internal and inactive
 * categories too; create, change (a new parent moves the subtree), delete a leaf, and add or remove
 * products in batches.
 */
@Controller('admin/product-categories')
export class AdminProductCategoriesController {
  constructor(
    private readonly commands: CommandClient,
    private readonly authenticator: Authenticator,
  ) {}

  /** `GET /admin/product-categories`: `{ product_categories, count, offset, limit }`. */
  @Get()
  async list(
    @Req() request: FastifyRequest,
    @Query() query: AdminListCategoriesQuery,
  ): Promise<CategoryList> {
    await this.authenticator.adminId(request);
    return this.commands.request(CatalogCommands.adminListCategories, query);
  }

  @Get(':id')
  async get(@Req() request: FastifyRequest, @Param('id') id: string): Promise<CategoryReply> {
    await this.authenticator.adminId(request);
    return this.commands.request(CatalogCommands.adminGetCategory, { id });
  }

  @Post()
  @HttpCode(200)
  async create(@Req() request: FastifyRequest, @Body() body: CreateCategoryRequest): Promise<CategoryReply> {
    await this.authenticator.adminId(request);
    return this.commands.request(CatalogCommands.createCategory, body);
  }

  @Post(':id')
  @HttpCode(200)
  async update(
    @Req() request: FastifyRequest,
    @Param('id') id: string,
    @Body() body: CategoryChanges,
  ): Promise<CategoryReply> {
    await this.authenticator.adminId(request);
    return this.commands.request(CatalogCommands.updateCategory, { ...body, id });
  }

  @Delete(':id')
  async delete(@Req() request: FastifyRequest, @Param('id') id: string): Promise<DeletedReply> {
    await this.authenticator.adminId(request);
    return this.commands.request(CatalogCommands.deleteCategory, { id });
  }

  /** `POST /admin/product-categories/{id}/products/batch` `{ product_ids: [{ id }] }`: `{ product_category }`. */
  @Post(':id/products/batch')
  @HttpCode(200)
  async addProducts(
    @Req() request: FastifyRequest,
    @Param('id') id: string,
    @Body() body: CategoryProductsBatch,
  ): Promise<CategoryReply> {
    await this.authenticator.adminId(request);
    return this.commands.request(CatalogCommands.addCategoryProducts, { ...body, id });
  }

  @Delete(':id/products/batch')
  async removeProducts(
    @Req() request: FastifyRequest,
    @Param('id') id: string,
    @Body() body: CategoryProductsBatch,
  ): Promise<CategoryReply> {
    await this.authenticator.adminId(request);
    return this.commands.request(CatalogCommands.removeCategoryProducts, { ...body, id });
  }
}
