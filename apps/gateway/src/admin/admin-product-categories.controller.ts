import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query, UseGuards } from '@nestjs/common';
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
import { AdminGuard } from '../auth/admin.guard';

/**
 * The merchant's product categories (Medusa v1 admin): the whole tree, internal and inactive
 * categories too; create, change (a new parent moves the subtree), delete a leaf, and add or remove
 * products in batches.
 */
@UseGuards(AdminGuard)
@Controller('admin/product-categories')
export class AdminProductCategoriesController {
  constructor(private readonly commands: CommandClient) {}

  /** `GET /admin/product-categories`: `{ product_categories, count, offset, limit }`. */
  @Get()
  async list(@Query() query: AdminListCategoriesQuery): Promise<CategoryList> {
    return this.commands.request(CatalogCommands.adminListCategories, query);
  }

  @Get(':id')
  async get(@Param('id') id: string): Promise<CategoryReply> {
    return this.commands.request(CatalogCommands.adminGetCategory, { id });
  }

  @Post()
  @HttpCode(200)
  async create(@Body() body: CreateCategoryRequest): Promise<CategoryReply> {
    return this.commands.request(CatalogCommands.createCategory, body);
  }

  @Post(':id')
  @HttpCode(200)
  async update(@Param('id') id: string, @Body() body: CategoryChanges): Promise<CategoryReply> {
    return this.commands.request(CatalogCommands.updateCategory, { ...body, id });
  }

  @Delete(':id')
  async delete(@Param('id') id: string): Promise<DeletedReply> {
    return this.commands.request(CatalogCommands.deleteCategory, { id });
  }

  /** `POST /admin/product-categories/{id}/products/batch` `{ product_ids: [{ id }] }`: `{ product_category }`. */
  @Post(':id/products/batch')
  @HttpCode(200)
  async addProducts(@Param('id') id: string, @Body() body: CategoryProductsBatch): Promise<CategoryReply> {
    return this.commands.request(CatalogCommands.addCategoryProducts, { ...body, id });
  }

  @Delete(':id/products/batch')
  async removeProducts(@Param('id') id: string, @Body() body: CategoryProductsBatch): Promise<CategoryReply> {
    return this.commands.request(CatalogCommands.removeCategoryProducts, { ...body, id });
  }
}
