import { Transform, Type } from 'class-transformer';
import {
  IsBoolean,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { IsNumberOrComparison, NumericComparison, toNumberOrComparison } from '../common/comparison';
import { DateComparison } from '../common/date-comparison';
import { MAX_PAGE_SIZE, Page } from '../common/pagination';
import { FindQuery, ListQuery, ToBoolean, ToList } from '../common/query-params';
import { Product, ProductVariant } from './product';

/** Price selection of Medusa's store reads: in a region (with its taxes) or a currency. */
export class PriceSelectionQuery extends FindQuery {
  @IsOptional()
  @IsString()
  @MaxLength(100)
  region_id?: string;

  @IsOptional()
  @Matches(/^[a-z]{3}$/, { message: 'currency_code must be a lower-case ISO 4217 code' })
  currency_code?: string;
}

/** `GET /store/products` query, also the `catalog.product.list` request. */
export class ListProductsQuery extends ListQuery {
  @IsOptional()
  @IsString()
  @MaxLength(100)
  region_id?: string;

  @IsOptional()
  @Matches(/^[a-z]{3}$/, { message: 'currency_code must be a lower-case ISO 4217 code' })
  currency_code?: string;

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
  collection_id?: string[];

  @IsOptional()
  @ToList()
  @IsString({ each: true })
  tags?: string[];

  @IsOptional()
  @IsString()
  title?: string;

  @IsOptional()
  @IsString()
  description?: string;

  @IsOptional()
  @IsString()
  handle?: string;

  @IsOptional()
  @ToBoolean()
  @IsBoolean()
  is_giftcard?: boolean;

  @IsOptional()
  @ToList()
  @IsString({ each: true })
  type_id?: string[];

  @IsOptional()
  @ToList()
  @IsString({ each: true })
  category_id?: string[];

  @IsOptional()
  @ToBoolean()
  @IsBoolean()
  include_category_children?: boolean;

  @IsOptional()
  @ValidateNested()
  @Type(() => DateComparison)
  created_at?: DateComparison;

  @IsOptional()
  @ValidateNested()
  @Type(() => DateComparison)
  updated_at?: DateComparison;
}

/** Medusa's default page size for products and variants. */
export const DEFAULT_PRODUCT_PAGE_SIZE = 100;

export interface ProductList extends Page {
  products: Product[];
}

/** `GET /store/products/{id}` query. */
export class ProductQuery extends PriceSelectionQuery {}

/** `catalog.product.get` request: the route's query and the product id (or handle). */
export class GetProductRequest extends ProductQuery {
  @IsString()
  @MaxLength(200)
  id!: string;
}

export interface ProductReply {
  product: Product;
}

/** `POST /store/products/search` body. */
export class SearchProductsRequest {
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  offset?: number;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(MAX_PAGE_SIZE)
  limit?: number;

  /** Passed to search engines by Medusa; ours searches by `q` only and accepts no filter keys. */
  @IsOptional()
  @IsObject()
  filter?: Record<string, never>;
}

export interface SearchProductsReply extends Page {
  hits: Product[];
  q: string;
}

/** `GET /store/variants` query, also the `catalog.variant.list` request. */
export class ListVariantsQuery extends PriceSelectionQuery {
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  offset?: number;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(MAX_PAGE_SIZE)
  limit?: number;

  /** Comma separated ids. */
  @IsOptional()
  @IsString()
  @MaxLength(10_000)
  ids?: string;

  @IsOptional()
  @ToList()
  @IsString({ each: true })
  id?: string[];

  @IsOptional()
  @ToList()
  @IsString({ each: true })
  title?: string[];

  @IsOptional()
  @Transform(toNumberOrComparison)
  @IsNumberOrComparison()
  inventory_quantity?: number | NumericComparison;
}

export interface VariantList {
  variants: ProductVariant[];
}

/** `GET /store/variants/{id}` query. */
export class VariantQuery extends PriceSelectionQuery {}

/** `catalog.variant.get` request. */
export class GetVariantRequest extends VariantQuery {
  @IsString()
  @MaxLength(200)
  id!: string;
}

export interface VariantReply {
  variant: ProductVariant;
}
