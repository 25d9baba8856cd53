import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsInt,
  IsString,
  Length,
  NotEquals,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';

/** The most units of one variant a single request may ask for. */
export const MAX_LINE_QUANTITY = 10_000;

export class StockItem {
  @IsString()
  @MaxLength(100)
  variant_id!: string;

  @IsInt()
  @Min(1)
  @Max(MAX_LINE_QUANTITY)
  quantity!: number;
}

/** `catalog.inventory.check` request. */
export class CheckInventoryRequest {
  @ValidateNested({ each: true })
  @Type(() => StockItem)
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  items!: StockItem[];
}

export interface InventoryCheck {
  items: {
    variant_id: string;
    quantity: number;
    /** Units that can be sold now; null when the variant's inventory is not managed. */
    available: number | null;
    /** Whether `quantity` can be sold (always for unmanaged or backorderable variants). */
    sufficient: boolean;
  }[];
}

/** `catalog.inventory.reserve` request: make `reservation_key` hold exactly these items. */
export class ReserveInventoryRequest extends CheckInventoryRequest {
  @IsString()
  @MaxLength(200)
  reservation_key!: string;
}

/** `catalog.inventory.release` and `catalog.inventory.confirm` request. */
export class ReservationRequest {
  @IsString()
  @MaxLength(200)
  reservation_key!: string;
}

export interface ReservationReply {
  reservation_key: string;
  /** The items the key holds (reserve), gave back (release) or sold (confirm). */
  items: { variant_id: string; quantity: number }[];
}

/** `catalog.inventory.return`: units back on the shelf from a received return, once per key. */
export class ReturnStockRequest extends CheckInventoryRequest {
  @IsString()
  @MaxLength(200)
  reservation_key!: string;
}

/** `POST /admin/variants/{id}/inventory`: stock changed by a delta (never below what is reserved), with why. */
export class InventoryAdjustment {
  @IsInt() @NotEquals(0) @Min(-1_000_000_000) @Max(1_000_000_000) adjustment!: number;
  @IsString() @Length(1, 200) reason!: string;
}

/** `catalog.inventory.adjust`. */
export class AdjustInventoryRequest extends InventoryAdjustment {
  @IsString() @MaxLength(100) variant_id!: string;
}

/** `catalog.inventory.admin-get`. */
export class VariantInventoryRequest {
  @IsString() @MaxLength(100) variant_id!: string;
}

/** A variant's stock as the merchant sees it: levels, open reservations, the last adjustments. */
export interface VariantInventory {
  id: string;
  sku: string | null;
  manage_inventory: boolean;
  allow_backorder: boolean;
  stocked_quantity: number;
  reserved_quantity: number;
  inventory_quantity: number;
  reservations: { id: string; reservation_key: string; quantity: number; created_at: string }[];
  adjustments: {
    id: string;
    adjustment: number;
    reason: string;
    stocked_quantity: number;
    created_at: string;
  }[];
}

export interface VariantInventoryReply {
  variant: VariantInventory;
}
