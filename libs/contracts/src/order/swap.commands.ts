import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { CartSnapshot } from './cart-snapshot';
import { OrderPaymentInput } from './order.commands';
import { ReturnItemInput } from './return.commands';

export class SwapItemInput {
  @IsString() @MaxLength(100) variant_id!: string;
  @Type(() => Number) @IsInt() @Min(1) @Max(10_000) quantity!: number;
}

/** `POST /store/swaps`: Medusa's `StorePostSwapsReq`. */
export class CreateSwapRequest {
  @IsString() @MaxLength(100) order_id!: string;
  @ValidateNested({ each: true })
  @Type(() => ReturnItemInput)
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  return_items!: ReturnItemInput[];
  @ValidateNested({ each: true })
  @Type(() => SwapItemInput)
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  additional_items!: SwapItemInput[];
  @IsOptional() @IsString() @MaxLength(100) return_shipping_option?: string;
}

export class SwapByCart {
  @IsString() @MaxLength(100) cart_id!: string;
}

/** Completing a swap's cart: the swap confirmed with the cart as frozen and what paid the difference. */
export class ConfirmSwapCommand {
  @IsString() @MaxLength(100) swap_id!: string;
  @ValidateNested() @Type(() => CartSnapshot) cart!: CartSnapshot;
  @IsOptional() @ValidateNested() @Type(() => OrderPaymentInput) payment?: OrderPaymentInput | null;
}

/** Medusa's `Swap`. */
export interface SwapView extends Record<string, unknown> {
  id: string;
  order_id: string;
  cart_id: string | null;
  difference_due: number | null;
  payment_status: string;
  fulfillment_status: string;
  confirmed_at: string | null;
}

export interface SwapReply {
  swap: SwapView;
}

/**
 * Makes the cart of a swap (Medusa's cart of type `swap`): the new items priced in the order's
 * region, and the returned ones as lines of negative price, so its total is the difference to pay
 * (or, below zero, to refund). One cart per swap: asked again, the same cart. It belongs to no
 * customer (its id, known to whoever has the order, is what opens it), so a guest's order swaps too.
 */
export class CreateSwapCartCommand {
  @IsString() @MaxLength(100) swap_id!: string;
  @IsString() @MaxLength(100) order_id!: string;
  @IsString() @MaxLength(100) region_id!: string;
  @IsString() @MaxLength(320) email!: string;
  /** The order's sales channel: the swap's new items must be sold there, as a cart's are. */
  @IsOptional() @IsString() @MaxLength(100) sales_channel_id?: string;
  @IsOptional() @IsObject() shipping_address?: Record<string, unknown> | null;
  @ValidateNested({ each: true }) @Type(() => SwapItemInput) @ArrayMinSize(1) items!: SwapItemInput[];
  /**
   * The order's lines being returned (as the order shows them, `total` included) with `quantity` the
   * units returned and `ordered_quantity` the line's own.
   */
  @IsObject({ each: true }) @ArrayMinSize(1) return_lines!: Record<string, unknown>[];
}
