import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query, Req } from '@nestjs/common';
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
import { FastifyRequest } from 'fastify';
import { Authenticator } from '../auth/authenticator.service';

/**
 * The merchant's collections (Medusa v1 admin): list, read (with the products), create, change,
 * delete, and put products in or take them out in batches.
 */
@Controller('admin/collections')
export class AdminCollectionsController {
  constructor(
    private readonly commands: CommandClient,
    private readonly authenticator: Authenticator,
  ) {}

  /** `GET /admin/collections`: `{ collections, count, offset, limit }`. */
  @Get()
  async list(@Req() request: FastifyRequest, @Query() query: ListCollectionsQuery): Promise<CollectionList> {
    await this.authenticator.adminId(request);
    return this.commands.request(CatalogCommands.listCollections, query);
  }

  @Get(':id')
  async get(@Req() request: FastifyRequest, @Param('id') id: string): Promise<CollectionReply> {
    await this.authenticator.adminId(request);
    return this.commands.request(CatalogCommands.adminGetCollection, { id });
  }

  @Post()
  @HttpCode(200)
  async create(
    @Req() request: FastifyRequest,
    @Body() body: CreateCollectionRequest,
  ): Promise<CollectionReply> {
    await this.authenticator.adminId(request);
    return this.commands.request(CatalogCommands.createCollection, body);
  }

  @Post(':id')
  @HttpCode(200)
  async update(
    @Req() request: FastifyRequest,
    @Param('id') id: string,
    @Body() body: CollectionChanges,
  ): Promise<CollectionReply> {
    await this.authenticator.adminId(request);
    return this.commands.request(CatalogCommands.updateCollection, { ...body, id });
  }

  @Delete(':id')
  async delete(@Req() request: FastifyRequest, @Param('id') id: string): Promise<DeletedReply> {
    await this.authenticator.adminId(request);
    return this.commands.request(CatalogCommands.deleteCollection, { id });
  }

  /** `POST /admin/collections/{id}/products/batch` `{ product_ids }`: `{ collection }`. */
  @Post(':id/products/batch')
  @HttpCode(200)
  async addProducts(
    @Req() request: FastifyRequest,
    @Param('id') id: string,
    @Body() body: CollectionProductsBatch,
  ): Promise<CollectionReply> {
    await this.authenticator.adminId(request);
    return this.commands.request(CatalogCommands.addCollectionProducts, { ...body, id });
  }

  /** `DELETE /admin/collections/{id}/products/batch` `{ product_ids }`: `{ id, object, removed_products }`. */
  @Delete(':id/products/batch')
  async removeProducts(
    @Req() request: FastifyRequest,
    @Param('id') id: string,
    @Body() body: CollectionProductsBatch,
  ): Promise<CollectionProductsRemoved> {
    await this.authenticator.adminId(request);
    return this.commands.request(CatalogCommands.removeCollectionProducts, { ...body, id });
  }
}
