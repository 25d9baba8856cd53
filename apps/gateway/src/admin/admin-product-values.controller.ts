import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query, UseGuards } from '@nestjs/common';
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
import { AdminGuard } from '../auth/admin.guard';

/**
 * The merchant's product tags and types: Medusa v1's admin lists (`GET /admin/product-tags`,
 * `GET /admin/product-types`), and — our own, as Medusa makes them only through products —
 * create, rename and delete: `{ product_tag }` / `{ product_type }`.
 */
@UseGuards(AdminGuard)
@Controller('admin')
export class AdminProductValuesController {
  constructor(private readonly commands: CommandClient) {}

  @Get('product-tags')
  async listTags(@Query() query: ListTagsQuery): Promise<TagList> {
    return this.commands.request(CatalogCommands.listTags, query);
  }

  @Get('product-types')
  async listTypes(@Query() query: ListTypesQuery): Promise<TypeList> {
    return this.commands.request(CatalogCommands.listTypes, query);
  }

  @Post('product-tags')
  @HttpCode(200)
  async createTag(@Body() body: ValueInput): Promise<{ product_tag: TaxonomyRecord }> {
    return { product_tag: await this.create('tag', body) };
  }

  @Post('product-types')
  @HttpCode(200)
  async createType(@Body() body: ValueInput): Promise<{ product_type: TaxonomyRecord }> {
    return { product_type: await this.create('type', body) };
  }

  @Post('product-tags/:id')
  @HttpCode(200)
  async updateTag(
    @Param('id') id: string,
    @Body() body: ValueInput,
  ): Promise<{ product_tag: TaxonomyRecord }> {
    return { product_tag: await this.update('tag', id, body) };
  }

  @Post('product-types/:id')
  @HttpCode(200)
  async updateType(
    @Param('id') id: string,
    @Body() body: ValueInput,
  ): Promise<{ product_type: TaxonomyRecord }> {
    return { product_type: await this.update('type', id, body) };
  }

  @Delete('product-tags/:id')
  async deleteTag(@Param('id') id: string): Promise<DeletedReply> {
    return this.commands.request(CatalogCommands.deleteValue, { kind: 'tag', id });
  }

  @Delete('product-types/:id')
  async deleteType(@Param('id') id: string): Promise<DeletedReply> {
    return this.commands.request(CatalogCommands.deleteValue, { kind: 'type', id });
  }

  private async create(kind: ValueKind, body: ValueInput): Promise<TaxonomyRecord> {
    return (await this.commands.request(CatalogCommands.createValue, { ...body, kind })).record;
  }

  private async update(kind: ValueKind, id: string, body: ValueInput) {
    return (await this.commands.request(CatalogCommands.updateValue, { ...body, kind, id })).record;
  }
}
