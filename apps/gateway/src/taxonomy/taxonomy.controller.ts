import { Controller, Get, Param, Query } from '@nestjs/common';
import {
  CatalogCommands,
  CategoryList,
  CategoryQuery,
  CategoryReply,
  CollectionList,
  CollectionReply,
  ListCategoriesQuery,
  ListCollectionsQuery,
  ListTagsQuery,
  ListTypesQuery,
  TagList,
  TypeList,
} from '@app/contracts';
import { CommandClient } from '@app/platform';

/** Medusa v1 store collections, product categories, tags and types. */
@Controller('store')
export class TaxonomyController {
  constructor(private readonly commands: CommandClient) {}

  @Get('collections')
  listCollections(@Query() query: ListCollectionsQuery): Promise<CollectionList> {
    return this.commands.request(CatalogCommands.listCollections, query);
  }

  @Get('collections/:id')
  getCollection(@Param('id') id: string): Promise<CollectionReply> {
    return this.commands.request(CatalogCommands.getCollection, { id });
  }

  @Get('product-categories')
  listCategories(@Query() query: ListCategoriesQuery): Promise<CategoryList> {
    return this.commands.request(CatalogCommands.listCategories, query);
  }

  @Get('product-categories/:id')
  getCategory(@Param('id') id: string, @Query() query: CategoryQuery): Promise<CategoryReply> {
    return this.commands.request(CatalogCommands.getCategory, { ...query, id });
  }

  @Get('product-tags')
  listTags(@Query() query: ListTagsQuery): Promise<TagList> {
    return this.commands.request(CatalogCommands.listTags, query);
  }

  @Get('product-types')
  listTypes(@Query() query: ListTypesQuery): Promise<TypeList> {
    return this.commands.request(CatalogCommands.listTypes, query);
  }
}
