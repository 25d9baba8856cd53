import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query, UseGuards } from '@nestjs/common';
import {
  CatalogCommands,
  CollectionChanges,
  CollectionList,
  CollectionProductsBatch,
  CollectionProductsRemoved,
  CollectionReply,
  CreateCollectionRequest,
  DeletedReply,
  ListCollectionsQuery,
} from '@app/contracts';
import { CommandClient } from '@app/platform';
import { AdminGuard } from '../auth/admin.guard';

/**
 * The merchant's collections (Medusa v1 admin): list, read (with the products), create, change,
 * delete, and put products in or take them out in batches.
 */
@UseGuards(AdminGuard)
@Controller('admin/collections')
export class AdminCollectionsController {
  constructor(private readonly commands: CommandClient) {}

  /** `GET /admin/collections`: `{ collections, count, offset, limit }`. */
  @Get()
  async list(@Query() query: ListCollectionsQuery): Promise<CollectionList> {
    return this.commands.request(CatalogCommands.listCollections, query);
  }

  @Get(':id')
  async get(@Param('id') id: string): Promise<CollectionReply> {
    return this.commands.request(CatalogCommands.adminGetCollection, { id });
  }

  @Post()
  @HttpCode(200)
  async create(@Body() body: CreateCollectionRequest): Promise<CollectionReply> {
    return this.commands.request(CatalogCommands.createCollection, body);
  }

  @Post(':id')
  @HttpCode(200)
  async update(@Param('id') id: string, @Body() body: CollectionChanges): Promise<CollectionReply> {
    return this.commands.request(CatalogCommands.updateCollection, { ...body, id });
  }

  @Delete(':id')
  async delete(@Param('id') id: string): Promise<DeletedReply> {
    return this.commands.request(CatalogCommands.deleteCollection, { id });
  }

  /** `POST /admin/collections/{id}/products/batch` `{ product_ids }`: `{ collection }`. */
  @Post(':id/products/batch')
  @HttpCode(200)
  async addProducts(
    @Param('id') id: string,
    @Body() body: CollectionProductsBatch,
  ): Promise<CollectionReply> {
    return this.commands.request(CatalogCommands.addCollectionProducts, { ...body, id });
  }

  /** `DELETE /admin/collections/{id}/products/batch` `{ product_ids }`: `{ id, object, removed_products }`. */
  @Delete(':id/products/batch')
  async removeProducts(
    @Param('id') id: string,
    @Body() body: CollectionProductsBatch,
  ): Promise<CollectionProductsRemoved> {
    return this.commands.request(CatalogCommands.removeCollectionProducts, { ...body, id });
  }
}
