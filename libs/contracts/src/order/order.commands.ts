import { Type } from 'class-transformer';
import {
  IsEmail,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { PAYMENT_PROVIDER_IDS, PaymentProviderId } from '../payment/payment.providers';

/** The payment an order is placed with: what the payment app authorized for the cart's session. */
export class OrderPaymentInput {
  @IsString() @MaxLength(100) session_id!: string;
  @IsIn(PAYMENT_PROVIDER_IDS) provider_id!: PaymentProviderId;
  @IsInt() @Min(0) amount!: number;
  @Matches(/^[a-z]{3}$/) currency_code!: string;
  /** Whether the provider took the money already (the cashier and both wallets do). */
  @IsIn(['authorized', 'captured']) status!: 'authorized' | 'captured';
  @IsObject() data!: Record<string, unknown>;
}

/**
 * Places the order of a completed checkout: the cart as it was frozen (items with their tax lines,
 * shipping methods, addresses, discounts, gift cards, region and every total). One order per cart:
 * placing it again returns the first.
 */
export class CreateOrderCommand {
  @IsObject() cart!: Record<string, unknown> & { id: string };
  @IsOptional() @ValidateNested() @Type(() => OrderPaymentInput) payment?: OrderPaymentInput | null;
}

export class OrderRef {
  @IsString() @MaxLength(100) order_id!: string;
}

export class OrderByCart {
  @IsString() @MaxLength(100) cart_id!: string;
}

/** `GET /store/orders?display_id=&email=`: both must match exactly. */
export class OrderLookupQuery {
  @Type(() => Number) @IsInt() @Min(1) display_id!: number;
  @IsEmail() @MaxLength(320) email!: string;
}

export interface OrderReply {
  order: Record<string, unknown> & { id: string; display_id: number };
}
