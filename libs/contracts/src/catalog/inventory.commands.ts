import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsInt,
  IsString,
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
