import { Controller, Get, Param, Query } from '@nestjs/common';
import {
  CartCommands,
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

  /** `discount_condition_id`: only the tags that discount condition names. */
  @Get('product-tags')
  async listTags(@Query() query: ListTagsQuery): Promise<TagList> {
    const scoped = await this.inCondition(query, 'product_tags');
    if (!scoped) return { product_tags: [], count: 0, offset: query.offset ?? 0, limit: query.limit ?? 20 };
    return this.commands.request(CatalogCommands.listTags, scoped);
  }

  /** `discount_condition_id`: only the types that discount condition names. */
  @Get('product-types')
  async listTypes(@Query() query: ListTypesQuery): Promise<TypeList> {
    const scoped = await this.inCondition(query, 'product_types');
    if (!scoped) return { product_types: [], count: 0, offset: query.offset ?? 0, limit: query.limit ?? 20 };
    return this.commands.request(CatalogCommands.listTypes, scoped);
  }

  /**
   * The query with `discount_condition_id` turned into the ids the condition names (the cart app
   * owns discounts, the catalog the tags); null when that leaves none.
   */
  private async inCondition(
    query: ListTagsQuery,
    type: 'product_tags' | 'product_types',
  ): Promise<ListTagsQuery | null> {
    const { discount_condition_id, ...rest } = query;
    if (!discount_condition_id) return query;
    const { target_ids } = await this.commands.request(CartCommands.discountConditionTargets, {
      discount_condition_id,
      type,
    });
    const ids = rest.id ? rest.id.filter((id) => target_ids.includes(id)) : target_ids;
    return ids.length ? { ...rest, id: ids } : null;
  }
}
