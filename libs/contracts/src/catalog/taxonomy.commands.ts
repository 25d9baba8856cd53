import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional, IsString, MaxLength } from 'class-validator';
import { Page, PageQuery } from '../common/pagination';
import { FindQuery, ListQuery, ToBoolean, ToList, WithDateRanges } from '../common/query-params';

/** A collection, type, tag or category as the store API shows it. */
export type TaxonomyRecord = Record<string, unknown> & { id: string };

/** `GET /store/collections` query (Medusa's default page: 10; no expand, fields or order). */
export class ListCollectionsQuery extends WithDateRanges(PageQuery) {
  @IsOptional()
  @ToList()
  @IsString({ each: true })
  handle?: string[];
}

export interface CollectionList extends Page {
  collections: TaxonomyRecord[];
}

export interface CollectionReply {
  collection: TaxonomyRecord;
}

/** `GET /store/product-categories` query: only active, public categories are ever listed. */
export class ListCategoriesQuery extends ListQuery {
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @IsOptional()
  @IsString()
  handle?: string;

  /** A category id, or `null` for top-level categories. */
  @IsOptional()
  @Transform(({ value }) => (value === 'null' ? null : value))
  @IsString()
  parent_category_id?: string | null;

  @IsOptional()
  @ToBoolean()
  @IsBoolean()
  include_descendants_tree?: boolean;
}

export interface CategoryList extends Page {
  product_categories: TaxonomyRecord[];
}

/** `GET /store/product-categories/{id}` query. */
export class CategoryQuery extends FindQuery {
  @IsOptional()
  @ToBoolean()
  @IsBoolean()
  include_descendants_tree?: boolean;
}

export class GetCategoryRequest extends CategoryQuery {
  @IsString()
  @MaxLength(200)
  id!: string;
}

export interface CategoryReply {
  product_category: TaxonomyRecord;
}

/** `GET /store/product-tags` and `GET /store/product-types` query. */
export class ListTagsQuery extends WithDateRanges(ListQuery) {
  @IsOptional()
  @ToList()
  @IsString({ each: true })
  id?: string[];

  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @IsOptional()
  @ToList()
  @IsString({ each: true })
  value?: string[];

  /** Only those a discount condition targets (the gateway asks the cart app, which owns discounts). */
  @IsOptional()
  @IsString()
  @MaxLength(100)
  discount_condition_id?: string;
}

export class ListTypesQuery extends ListTagsQuery {}

export interface TagList extends Page {
  product_tags: TaxonomyRecord[];
}

export interface TypeList extends Page {
  product_types: TaxonomyRecord[];
}

/** A record by id (collections). */
export class ByIdRequest {
  @IsString()
  @MaxLength(200)
  id!: string;
}
