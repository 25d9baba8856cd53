import { IsBoolean, IsIn, IsInt, IsObject, IsOptional, IsString } from 'class-validator';
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
  /** The signed-in customer who placed it (absent for a guest, and in events from before it was sent). */
  @IsOptional() @IsString() customer_id?: string | null;
  /** It sells gift cards (the cart app issues them once it is paid for); absent means it does not. */
  @IsOptional() @IsBoolean() sells_gift_cards?: boolean;
}

/** Data of `events.order.canceled`. */
export class OrderCanceled {
  @IsString() order_id!: string;
  @IsString() cart_id!: string;
  /**
   * Who canceled it: the customer before paying, its pay window passing (`expired`), its payment
   * released before capture (`payment`), or the merchant. Absent in events from before reasons were recorded.
   */
  @IsOptional()
  @IsIn(['customer', 'expired', 'payment', 'merchant'])
  reason?: 'customer' | 'expired' | 'payment' | 'merchant';
  /**
   * The money paid stays with the store: a presale order whose balance was not paid in its window
   * keeps its deposit, unless the offer's deposit is refundable.
   */
  @IsOptional() @IsBoolean() keep_paid?: boolean;
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

/** Data of `events.order.presale-balance-due`: a presale order's balance can be paid now (seed 004's reminder). */
export class PresaleBalanceDue {
  @IsString() order_id!: string;
  @IsInt() display_id!: number;
  /** Where the reminder goes (`tail_pay_notice_phone`). */
  @IsString() phone!: string;
  @IsInt() balance_amount!: number;
  @IsString() currency_code!: string;
  @IsString() balance_closes_at!: string;
}

/** Data of `events.order.fulfillment-created` and `events.order.shipment-created`. */
export class OrderFulfillmentChanged {
  @IsString() order_id!: string;
  @IsString() fulfillment_id!: string;
  @IsObject({ each: true }) items!: { item_id: string; quantity: number }[];
  @IsOptional() @IsString({ each: true }) tracking_numbers?: string[];
}

/** Data of `events.order.return-received`: the units back, and what was refunded to whom. */
export class OrderReturnReceived extends OrderFulfillmentChanged {
  @IsString() email!: string;
  @IsInt() display_id!: number;
  @IsInt() refund_amount!: number;
  @IsString() currency_code!: string;
}

/**
 * Data of `events.order.refunded`: a refund went back; `refunded_total` of the `paid_total` the
 * payments took is refunded now (the cart app gives back the same share of the gift cards used).
 */
export class OrderRefunded {
  @IsString() order_id!: string;
  @IsString() cart_id!: string;
  @IsString() refund_id!: string;
  @IsInt() refunded_total!: number;
  @IsInt() paid_total!: number;
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
  /** A presale order's balance window opened: the customer is reminded at `tail_pay_notice_phone`. */
  presaleBalanceDue: event<PresaleBalanceDue>('order.presale-balance-due'),
  /** A customer asked to return items (Medusa's `order.return_requested`). */
  returnRequested: event<OrderFulfillmentChanged>('order.return-requested'),
  /** Returned items arrived and were refunded (Medusa's `order.items_returned`). */
  returnReceived: event<OrderReturnReceived>('order.return-received'),
  /** A refund of the order succeeded (Medusa's `order.refund_created`). */
  refunded: event<OrderRefunded>('order.refunded'),
  /** Items of an order were fulfilled (Medusa's `order.fulfillment_created`). */
  fulfillmentCreated: event<OrderFulfillmentChanged>('order.fulfillment-created'),
  /** A fulfillment shipped (Medusa's `order.shipment_created`). */
  shipmentCreated: event<OrderFulfillmentChanged>('order.shipment-created'),
} as const;
