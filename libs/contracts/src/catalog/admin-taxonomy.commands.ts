import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsBoolean,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  Length,
  Matches,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { PageQuery } from '../common/pagination';
import { AdminIdInput } from './admin-product.commands';

const HANDLE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const HANDLE_MESSAGE = { message: 'handle must be lower-case words joined by hyphens' };

/** `POST /admin/collections`: Medusa's `AdminPostCollectionsReq` (the handle defaults to the title's). */
export class CreateCollectionRequest {
  @IsString() @Length(1, 200) title!: string;
  @IsOptional() @Matches(HANDLE, HANDLE_MESSAGE) handle?: string;
  @IsOptional() @IsObject() metadata?: Record<string, unknown>;
}

/** `POST /admin/collections/{id}`: the fields given change. */
export class CollectionChanges {
  @IsOptional() @IsString() @Length(1, 200) title?: string;
  @IsOptional() @Matches(HANDLE, HANDLE_MESSAGE) handle?: string;
  @IsOptional() @IsObject() metadata?: Record<string, unknown>;
}

export class UpdateCollectionRequest extends CollectionChanges {
  @IsString() @MaxLength(100) id!: string;
}

/** `POST` / `DELETE /admin/collections/{id}/products/batch`: `{ product_ids: string[] }`. */
export class CollectionProductsBatch {
  @ArrayMinSize(1) @ArrayMaxSize(1000) @IsString({ each: true }) product_ids!: string[];
}

export class CollectionProductsRequest extends CollectionProductsBatch {
  @IsString() @MaxLength(100) id!: string;
}

export interface CollectionProductsRemoved {
  id: string;
  object: 'product-collection';
  removed_products: string[];
}

/** `POST /admin/product-categories`: Medusa's `AdminPostProductCategoriesReq`. */
export class CreateCategoryRequest {
  @IsString() @Length(1, 200) name!: string;
  @IsOptional() @Matches(HANDLE, HANDLE_MESSAGE) handle?: string;
  @IsOptional() @IsString() @MaxLength(2000) description?: string;
  @IsOptional() @IsBoolean() is_internal?: boolean;
  @IsOptional() @IsBoolean() is_active?: boolean;
  /** A parent category's id; null or absent: a top-level category. */
  @ValidateIf((_, value) => value !== null) @IsOptional() @IsString() @MaxLength(100) parent_category_id?:
    string | null;
  @IsOptional() @IsInt() @Min(0) rank?: number;
  @IsOptional() @IsObject() metadata?: Record<string, unknown>;
}

/** `POST /admin/product-categories/{id}`: the fields given change; a new parent moves the subtree. */
export class CategoryChanges {
  @IsOptional() @IsString() @Length(1, 200) name?: string;
  @IsOptional() @Matches(HANDLE, HANDLE_MESSAGE) handle?: string;
  @IsOptional() @IsString() @MaxLength(2000) description?: string;
  @IsOptional() @IsBoolean() is_internal?: boolean;
  @IsOptional() @IsBoolean() is_active?: boolean;
  @ValidateIf((_, value) => value !== null) @IsOptional() @IsString() @MaxLength(100) parent_category_id?:
    string | null;
  @IsOptional() @IsInt() @Min(0) rank?: number;
  @IsOptional() @IsObject() metadata?: Record<string, unknown>;
}

export class UpdateCategoryRequest extends CategoryChanges {
  @IsString() @MaxLength(100) id!: string;
}

/** `POST` / `DELETE /admin/product-categories/{id}/products/batch`: `{ product_ids: [{ id }] }`. */
export class CategoryProductsBatch {
  @ArrayMinSize(1)
  @ArrayMaxSize(1000)
  @ValidateNested({ each: true })
  @Type(() => AdminIdInput)
  product_ids!: AdminIdInput[];
}

export class CategoryProductsRequest extends CategoryProductsBatch {
  @IsString() @MaxLength(100) id!: string;
}

/** `GET /admin/product-categories`: every category, internal and inactive ones too. */
export class AdminListCategoriesQuery extends PageQuery {
  @IsOptional() @IsString() @MaxLength(200) q?: string;
  @IsOptional() @IsString() @MaxLength(200) handle?: string;
  @IsOptional() @IsString() @MaxLength(100) parent_category_id?: string;
}

export const VALUE_KINDS = ['tag', 'type'] as const;
export type ValueKind = (typeof VALUE_KINDS)[number];

/** `POST /admin/product-tags` / `product-types` (ours: Medusa v1 makes them only through products). */
export class ValueInput {
  @IsString() @Length(1, 200) value!: string;
  @IsOptional() @IsObject() metadata?: Record<string, unknown>;
}

export class CreateValueRequest extends ValueInput {
  @IsIn(VALUE_KINDS) kind!: ValueKind;
}

export class UpdateValueRequest extends ValueInput {
  @IsIn(VALUE_KINDS) kind!: ValueKind;
  @IsString() @MaxLength(100) id!: string;
}

export class ValueRef {
  @IsIn(VALUE_KINDS) kind!: ValueKind;
  @IsString() @MaxLength(100) id!: string;
}

/** The catalog records a discount condition can name, by kind (Medusa's condition keys). */
export const CATALOG_REFERENCE_KINDS = [
  'products',
  'product_types',
  'product_collections',
  'product_tags',
] as const;
export type CatalogReferenceKind = (typeof CATALOG_REFERENCE_KINDS)[number];

/** Ids of catalog records another app means to refer to, by kind. */
export class CatalogReferencesRequest {
  @IsOptional() @ArrayMaxSize(5000) @IsString({ each: true }) products?: string[];
  @IsOptional() @ArrayMaxSize(5000) @IsString({ each: true }) product_types?: string[];
  @IsOptional() @ArrayMaxSize(5000) @IsString({ each: true }) product_collections?: string[];
  @IsOptional() @ArrayMaxSize(5000) @IsString({ each: true }) product_tags?: string[];
}

/** The ids asked about that name no live record, by kind (empty lists when all exist). */
export type MissingReferences = Record<CatalogReferenceKind, string[]>;
