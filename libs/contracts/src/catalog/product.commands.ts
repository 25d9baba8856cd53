import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsBoolean, IsObject, IsOptional, IsString, MaxLength } from 'class-validator';
import { IsNumberOrComparison, NumericComparison, toNumberOrComparison } from '../common/comparison';
import { Page, PageQuery } from '../common/pagination';
import {
  FindQuery,
  ListQuery,
  PagedFindQuery,
  ToBoolean,
  ToList,
  WithDateRanges,
  WithPriceSelection,
} from '../common/query-params';
import { Product, ProductVariant } from './product';

/** `expand`, `fields` and Medusa's price selection: in a region (with its taxes) or a currency. */
export class PriceSelectionQuery extends WithPriceSelection(FindQuery) {}

/** `GET /store/products` query, also the `catalog.product.list` request. */
export class ListProductsQuery extends WithDateRanges(WithPriceSelection(ListQuery)) {
  /** Products sold in these sales channels; none given: the store's default channel. */
  @IsOptional()
  @ToList()
  @IsString({ each: true })
  @ArrayMaxSize(100)
  sales_channel_id?: string[];

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
}

/** Medusa's default page size for products and variants. */
export const DEFAULT_PRODUCT_PAGE_SIZE = 100;

export interface ProductList extends Page {
  products: Product[];
}

/** `GET /store/products/{id}` and `GET /store/variants/{id}` query. */
export class ProductQuery extends PriceSelectionQuery {
  /** The sales channel the storefront shows: a product not sold there is not found. */
  @IsOptional()
  @IsString()
  @MaxLength(100)
  sales_channel_id?: string;
}

/** `catalog.product.get` request: the route's query and the product id (or handle). */
export class GetProductRequest extends ProductQuery {
  @IsString()
  @MaxLength(200)
  id!: string;

  /** Added by the gateway under a publishable API key: outside these channels, Medusa's 400 `errors`. */
  @IsOptional()
  @IsString({ each: true })
  @ArrayMaxSize(100)
  key_sales_channel_ids?: string[];
}

export interface ProductReply {
  product: Product;
}

/** `POST /store/products/search` body. */
export class SearchProductsRequest extends PageQuery {
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  /** Passed to search engines by Medusa; ours searches by `q` only and accepts no filter keys. */
  @IsOptional()
  @IsObject()
  filter?: Record<string, never>;
}

/** `catalog.product.search` request: the body, and the channels searched (default: the store's). */
export class SearchProductsCommand extends SearchProductsRequest {
  @IsOptional()
  @IsString({ each: true })
  @ArrayMaxSize(100)
  sales_channel_id?: string[];
}

export interface SearchProductsReply extends Page {
  hits: Product[];
  q: string;
}

/** `GET /store/variants` query, also the `catalog.variant.list` request. */
export class ListVariantsQuery extends WithPriceSelection(PagedFindQuery) {
  /** Variants of products sold in these sales channels (none given: every channel). */
  @IsOptional()
  @ToList()
  @IsString({ each: true })
  @ArrayMaxSize(100)
  sales_channel_id?: string[];

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
export class VariantQuery extends ProductQuery {}

/** `catalog.variant.get` request. */
export class GetVariantRequest extends VariantQuery {
  @IsString()
  @MaxLength(200)
  id!: string;

  /** Added by the gateway under a publishable API key: outside these channels, Medusa's 400 `errors`. */
  @IsOptional()
  @IsString({ each: true })
  @ArrayMaxSize(100)
  key_sales_channel_ids?: string[];
}

export interface VariantReply {
  variant: ProductVariant;
}
