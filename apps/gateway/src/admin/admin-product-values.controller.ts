import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query, Req } from '@nestjs/common';
import {
  CatalogCommands,
  DeletedReply,
  ListTagsQuery,
  ListTypesQuery,
  TagList,
  TaxonomyRecord,
  TypeList,
  ValueInput,
  ValueKind,
} from '@app/contracts';
import { CommandClient } from '@app/platform';
import { FastifyRequest } from 'fastify';
import { Authenticator } from '../auth/authenticator.service';

/**
 * The merchant's product tags and types: Medusa v1's admin lists (`GET /admin/product-tags`,
 * `GET /admin/product-types`), and — our own, as Medusa makes them only through products —
 * create, rename and delete: `{ product_tag }` / `{ product_type }`.
 */
@Controller('admin')
export class AdminProductValuesController {
  constructor(
    private readonly commands: CommandClient,
    private readonly authenticator: Authenticator,
  ) {}

  @Get('product-tags')
  async listTags(@Req() request: FastifyRequest, @Query() query: ListTagsQuery): Promise<TagList> {
    await this.authenticator.adminId(request);
    return this.commands.request(CatalogCommands.listTags, query);
  }

  @Get('product-types')
  async listTypes(@Req() request: FastifyRequest, @Query() query: ListTypesQuery): Promise<TypeList> {
    await this.authenticator.adminId(request);
    return this.commands.request(CatalogCommands.listTypes, query);
  }

  @Post('product-tags')
  @HttpCode(200)
  async createTag(
    @Req() request: FastifyRequest,
    @Body() body: ValueInput,
  ): Promise<{ product_tag: TaxonomyRecord }> {
    return { product_tag: await this.create(request, 'tag', body) };
  }

  @Post('product-types')
  @HttpCode(200)
  async createType(
    @Req() request: FastifyRequest,
    @Body() body: ValueInput,
  ): Promise<{ product_type: TaxonomyRecord }> {
    return { product_type: await this.create(request, 'type', body) };
  }

  @Post('product-tags/:id')
  @HttpCode(200)
  async updateTag(
    @Req() request: FastifyRequest,
    @Param('id') id: string,
    @Body() body: ValueInput,
  ): Promise<{ product_tag: TaxonomyRecord }> {
    return { product_tag: await this.update(request, 'tag', id, body) };
  }

  @Post('product-types/:id')
  @HttpCode(200)
  async updateType(
    @Req() request: FastifyRequest,
    @Param('id') id: string,
    @Body() body: ValueInput,
  ): Promise<{ product_type: TaxonomyRecord }> {
    return { product_type: await this.update(request, 'type', id, body) };
  }

  @Delete('product-tags/:id')
  async deleteTag(@Req() request: FastifyRequest, @Param('id') id: string): Promise<DeletedReply> {
    await this.authenticator.adminId(request);
    return this.commands.request(CatalogCommands.deleteValue, { kind: 'tag', id });
  }

  @Delete('product-types/:id')
  async deleteType(@Req() request: FastifyRequest, @Param('id') id: string): Promise<DeletedReply> {
    await this.authenticator.adminId(request);
    return this.commands.request(CatalogCommands.deleteValue, { kind: 'type', id });
  }

  private async create(request: FastifyRequest, kind: ValueKind, body: ValueInput): Promise<TaxonomyRecord> {
    await this.authenticator.adminId(request);
    return (await this.commands.request(CatalogCommands.createValue, { ...body, kind })).record;
  }

  private async update(request: FastifyRequest, kind: ValueKind, id: string, body: ValueInput) {
    await this.authenticator.adminId(request);
    return (await this.commands.request(CatalogCommands.updateValue, { ...body, kind, id })).record;
  }
}
