import { IsIn, IsInt, IsObject, IsOptional, IsString } from 'class-validator';
import { OrderPaymentView } from './order.commands';
import { event } from '../common/events';

/** Data of `events.order.placed`. */
export class OrderPlaced {
  @IsString() order_id!: string;
  @IsInt() display_id!: number;
  @IsString() cart_id!: string;
  @IsString() email!: string;
  @IsInt() total!: number;
  @IsString() currency_code!: string;
}

/** Data of `events.order.canceled`. */
export class OrderCanceled {
  @IsString() order_id!: string;
  @IsString() cart_id!: string;
  /**
   * Who canceled it: the customer before paying, its pay window passing (`expired`), or its payment
   * released before capture (`payment`). Absent in events from before reasons were recorded.
   */
  @IsOptional() @IsIn(['customer', 'expired', 'payment']) reason?: 'customer' | 'expired' | 'payment';
}

/** Data of `events.order.claim-requested`: mailed to the orders' email, with the token that claims them. */
export class OrderClaimRequested {
  @IsString() email!: string;
  @IsString() token!: string;
  @IsInt({ each: true }) display_ids!: number[];
  @IsString() expires_at!: string;
}

/** Data of the seed 001 payment events: the order and its payment, as seed 001 shows a Payment. */
export class OrderPaymentChanged {
  @IsString() order_id!: string;
  @IsObject() payment!: OrderPaymentView;
}

/** Events the order app publishes. */
export const OrderEvents = {
  placed: event<OrderPlaced>('order.placed'),
  /** The order's money was taken (seed 000's 订单支付成功通知). */
  paid: event<OrderPlaced>('order.paid'),
  /**
   * Canceled before its money was taken (by the customer, its window passing, or its payment
   * released): what it sold (reserved under its cart id) goes back on the shelf, held points too.
   */
  canceled: event<OrderCanceled>('order.canceled'),
  /** A customer asked to claim guest orders: the token goes to the orders' email. */
  claimRequested: event<OrderClaimRequested>('order.claim-requested'),
  /** Seed 001's Payment webhooks: an attempt to pay an order started, was paid, or expired unpaid. */
  paymentCreated: event<OrderPaymentChanged>('order.payment-created'),
  paymentPaid: event<OrderPaymentChanged>('order.payment-paid'),
  paymentExpired: event<OrderPaymentChanged>('order.payment-expired'),
} as const;
