import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsBoolean,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { StockItem } from './inventory.commands';
import { MoneyAmount, ProductVariant, VariantPricing } from './product';

/** `catalog.price.variants` request: price these quantities for a region, as a cart would. */
export class PriceVariantsRequest {
  @ValidateNested({ each: true })
  @Type(() => StockItem)
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  items!: StockItem[];

  @IsString()
  @MaxLength(100)
  region_id!: string;

  @IsOptional()
  @Matches(/^[a-z]{3}$/, { message: 'currency_code must be a lower-case ISO 4217 code' })
  currency_code?: string;

  /** The customer's groups: their price lists apply too. */
  @IsOptional()
  @IsString({ each: true })
  @ArrayMaxSize(50)
  customer_group_ids?: string[];

  /**
   * Variants no longer sold (deleted, or their product unpublished or deleted) are left out and
   * named in `withdrawn`, rather than refused: a cart prices the lines it already holds this way.
   */
  @IsOptional()
  @IsBoolean()
  skip_withdrawn?: boolean;
}

export interface PricedItem {
  variant_id: string;
  quantity: number;
  /** The variant with its product (title, thumbnail, discountable, profile), without relations. */
  variant: ProductVariant & { product: Record<string, unknown> };
  /** The product's tags, for discount conditions. */
  product_tag_ids: string[];
  /** The sales channels the product is sold in: a cart sells only its channel's products. */
  sales_channel_ids: string[];
  /** Sold in presale only (seed 004): never as a cart line. */
  presale: boolean;
  /** Prices for the quantity; `calculated_price` null when the variant has no price there. */
  pricing: VariantPricing & { prices: MoneyAmount[] };
}

export interface PricedVariants {
  /** The items priced, in the request's order (without the withdrawn ones when asked to skip them). */
  items: PricedItem[];
  /** With `skip_withdrawn`: the variants asked for that are no longer sold. */
  withdrawn?: string[];
}
