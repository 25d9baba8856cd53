import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { Page } from '../common/pagination';
import { Product } from './product';

export const PRODUCT_STATUSES = ['draft', 'proposed', 'published', 'rejected'] as const;

/** A variant's price: in a currency, or in a region (in the region's currency), from a quantity on. */
export class AdminPriceInput {
  @IsOptional() @IsString() @MaxLength(100) region_id?: string;
  @IsOptional()
  @Matches(/^[a-z]{3}$/, { message: 'currency_code must be a lower-case ISO 4217 code' })
  currency_code?: string;
  @IsInt() @Min(0) @Max(1_000_000_000) amount!: number;
  @IsOptional() @IsInt() @Min(0) min_quantity?: number;
  @IsOptional() @IsInt() @Min(0) max_quantity?: number;
}

export class AdminOptionValueInput {
  @IsString() @Length(1, 200) value!: string;
}

/** A variant as the admin gives it: its option values in the product's option order. */
export class AdminVariantInput {
  @IsString() @Length(1, 200) title!: string;
  @IsOptional() @IsString() @Length(1, 100) sku?: string;
  @IsOptional() @IsString() @Length(1, 100) barcode?: string;
  @IsOptional() @IsString() @Length(1, 100) ean?: string;
  @IsOptional() @IsString() @Length(1, 100) upc?: string;
  @IsOptional() @IsInt() @Min(0) @Max(1_000_000_000) inventory_quantity?: number;
  @IsOptional() @IsBoolean() allow_backorder?: boolean;
  @IsOptional() @IsBoolean() manage_inventory?: boolean;
  @IsOptional() @IsInt() @Min(0) weight?: number;
  @IsOptional() @IsString() material?: string;
  @IsOptional() @IsString() origin_country?: string;
  @IsOptional()
  @ValidateNested({ each: true })
  @Type(() => AdminPriceInput)
  @ArrayMaxSize(100)
  prices?: AdminPriceInput[];
  @IsOptional()
  @ValidateNested({ each: true })
  @Type(() => AdminOptionValueInput)
  @ArrayMaxSize(20)
  options?: AdminOptionValueInput[];
  @IsOptional() @IsObject() metadata?: Record<string, unknown>;
}

export class AdminValueInput {
  @IsString() @Length(1, 200) value!: string;
}

export class AdminIdInput {
  @IsString() @MaxLength(100) id!: string;
}

export class AdminOptionInput {
  @IsString() @Length(1, 200) title!: string;
}

/** The product fields an admin may set, at creation and later (Medusa's `AdminPostProductsReq`). */
export class ProductFields {
  @IsOptional() @IsString() @Length(1, 500) title?: string;
  @IsOptional() @IsString() @MaxLength(500) subtitle?: string;
  @IsOptional() @IsString() @MaxLength(20_000) description?: string;
  @IsOptional()
  @Matches(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { message: 'handle must be lower-case words joined by hyphens' })
  handle?: string;
  @IsOptional() @IsIn(PRODUCT_STATUSES) status?: (typeof PRODUCT_STATUSES)[number];
  @IsOptional() @IsBoolean() discountable?: boolean;
  @IsOptional() @IsArray() @ArrayMaxSize(50) @IsString({ each: true }) images?: string[];
  @IsOptional() @IsString() thumbnail?: string;
  @IsOptional() @IsString() @MaxLength(100) collection_id?: string;
  @IsOptional() @ValidateNested() @Type(() => AdminValueInput) type?: AdminValueInput;
  @IsOptional()
  @ValidateNested({ each: true })
  @Type(() => AdminValueInput)
  @ArrayMaxSize(50)
  tags?: AdminValueInput[];
  @IsOptional()
  @ValidateNested({ each: true })
  @Type(() => AdminIdInput)
  @ArrayMaxSize(50)
  categories?: AdminIdInput[];
  @IsOptional()
  @ValidateNested({ each: true })
  @Type(() => AdminIdInput)
  @ArrayMaxSize(50)
  sales_channels?: AdminIdInput[];
  @IsOptional() @IsInt() @Min(0) weight?: number;
  @IsOptional() @IsString() material?: string;
  @IsOptional() @IsString() origin_country?: string;
  @IsOptional() @IsObject() metadata?: Record<string, unknown>;
}

/** `POST /admin/products`: a product with its options and variants (prices, stock), in one go. */
export class CreateProductRequest extends ProductFields {
  @IsString() @Length(1, 500) declare title: string;
  @IsOptional() @IsBoolean() is_giftcard?: boolean;
  @IsOptional()
  @ValidateNested({ each: true })
  @Type(() => AdminOptionInput)
  @ArrayMaxSize(20)
  options?: AdminOptionInput[];
  @IsOptional()
  @ValidateNested({ each: true })
  @Type(() => AdminVariantInput)
  @ArrayMaxSize(200)
  variants?: AdminVariantInput[];
}

/** `catalog.product.update`: the fields given change (`POST /admin/products/{id}`). */
export class UpdateProductRequest extends ProductFields {
  @IsString() @MaxLength(100) id!: string;
}

/** `catalog.product.delete` and `catalog.product.admin-get`. */
export class ProductRef {
  @IsString() @MaxLength(100) id!: string;
}

/** `GET /admin/products`: every status unless filtered; `q` as the store searches. */
export class AdminListProductsQuery {
  @IsOptional() @IsString() @MaxLength(200) q?: string;
  @IsOptional() @IsArray() @IsIn(PRODUCT_STATUSES, { each: true }) status?: string[];
  @IsOptional() @Type(() => Number) @IsInt() @Min(0) offset?: number;
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(1000) limit?: number;
}

export interface AdminProductList extends Page {
  products: Product[];
}

/** `POST /admin/products/{id}/variants`. */
export class CreateVariantRequest extends AdminVariantInput {
  @IsString() @MaxLength(100) product_id!: string;
}

/** `POST /admin/products/{id}/variants/{variant_id}`: the fields given change; `prices` replace the variant's. */
export class VariantChanges {
  @IsOptional() @IsString() @Length(1, 200) title?: string;
  @IsOptional() @IsString() @Length(1, 100) sku?: string;
  @IsOptional() @IsInt() @Min(0) @Max(1_000_000_000) inventory_quantity?: number;
  @IsOptional() @IsBoolean() allow_backorder?: boolean;
  @IsOptional() @IsBoolean() manage_inventory?: boolean;
  @IsOptional()
  @ValidateNested({ each: true })
  @Type(() => AdminPriceInput)
  @ArrayMaxSize(100)
  prices?: AdminPriceInput[];
  @IsOptional() @IsObject() metadata?: Record<string, unknown>;
}

export class UpdateVariantRequest extends VariantChanges {
  @IsString() @MaxLength(100) product_id!: string;
  @IsString() @MaxLength(100) variant_id!: string;
}

export interface DeletedReply {
  id: string;
  object: string;
  deleted: true;
}

/** `POST /admin/products/{id}/options` and `…/options/{option_id}`: `{ title }`. */
export class OptionTitle {
  @IsString() @Length(1, 200) title!: string;
}

/** `catalog.product-option.create`: existing variants get the value "Default Value". */
export class ProductOptionRequest extends OptionTitle {
  @IsString() @MaxLength(100) product_id!: string;
}

/** `POST /admin/products/{id}/options/{option_id}`: renames the option. */
export class UpdateProductOptionRequest extends ProductOptionRequest {
  @IsString() @MaxLength(100) option_id!: string;
}

/** `DELETE /admin/products/{id}/options/{option_id}`. */
export class ProductOptionRef {
  @IsString() @MaxLength(100) product_id!: string;
  @IsString() @MaxLength(100) option_id!: string;
}

/** `DELETE /admin/products/{id}/variants/{variant_id}`. */
export class ProductVariantRef {
  @IsString() @MaxLength(100) product_id!: string;
  @IsString() @MaxLength(100) variant_id!: string;
}

/** Medusa's answer to an option's deletion: the product as it then is. */
export interface OptionDeletedReply {
  option_id: string;
  object: 'option';
  deleted: true;
  product: Product;
}

/** Medusa's answer to a variant's deletion: the product as it then is. */
export interface VariantDeletedReply {
  variant_id: string;
  object: 'product-variant';
  deleted: true;
  product: Product;
}
