import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  ArrayMinSize,
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { DateComparison } from '../common/date-comparison';
import {
  IsCommaList,
  MAX_EXPAND_ENTRIES,
  MAX_FIELDS_ENTRIES,
  PagedFindQuery,
  WithDateRanges,
} from '../common/query-params';
import { PAYMENT_PROVIDER_IDS, PaymentProviderId } from '../payment/payment.providers';
import { CartSnapshot } from './cart-snapshot';

/** Display ids are 32-bit integers in the database: a larger one cannot exist. */
const MAX_DISPLAY_ID = 2_147_483_647;
/** The payment an order is placed with: what the payment app authorized for the cart's session. */
export class OrderPaymentInput {
  @IsString() @MaxLength(100) session_id!: string;
  @IsIn(PAYMENT_PROVIDER_IDS) provider_id!: PaymentProviderId;
  @IsInt() @Min(0) amount!: number;
  @Matches(/^[a-z]{3}$/) currency_code!: string;
  /** Whether the provider took the money already (the cashier and both wallets do). */
  @IsIn(['authorized', 'captured']) status!: 'authorized' | 'captured';
  @IsObject() data!: Record<string, unknown>;
  /** The provider's payment number, for reconciliation (seed 001's `gateway_payment_no`). */
  @IsOptional() @IsString() @MaxLength(200) provider_reference?: string | null;
  /** When an online payment could no longer be paid (seed 001's `exipired_at`). */
  @IsOptional() @IsString() @MaxLength(40) expires_at?: string | null;
}

/**
 * Places the order of a completed checkout: the cart as it was frozen (items with their tax lines,
 * shipping methods, addresses, discounts, gift cards, region and every total). One order per cart:
 * placing it again returns the first.
 */
export class CreateOrderCommand {
  @ValidateNested() @Type(() => CartSnapshot) cart!: CartSnapshot;
  @IsOptional() @ValidateNested() @Type(() => OrderPaymentInput) payment?: OrderPaymentInput | null;
  /** Submitted (提交订单): placed unpaid, to be paid within the order app's pay window. */
  @IsOptional() @IsBoolean() submit?: boolean;
  /** What each gift card paid, as the cart app's ledger holds it (the order shows them). */
  @IsOptional() @IsArray() @IsObject({ each: true }) gift_card_transactions?: GiftCardRedemption[];
}

/** One gift card's part of an order, from the cart app's ledger. */
export interface GiftCardRedemption {
  id: string;
  gift_card_id: string;
  amount: number;
}

/** Medusa's `fields` and `expand` on the store order routes. */
export class OrderFindQuery {
  @IsOptional() @IsString() @MaxLength(2000) @IsCommaList(MAX_FIELDS_ENTRIES) fields?: string;
  @IsOptional() @IsString() @MaxLength(2000) @IsCommaList(MAX_EXPAND_ENTRIES) expand?: string;
}

export class OrderRef {
  @IsString() @MaxLength(100) order_id!: string;
}

/** An order acted on by its customer (the signed-in one). */
export class CustomerOrderRef extends OrderRef {
  @IsString() @MaxLength(100) customer_id!: string;
}

export class OrderQuery extends OrderFindQuery {
  @IsString() @MaxLength(100) order_id!: string;
}

export class OrderByCart extends OrderFindQuery {
  @IsString() @MaxLength(100) cart_id!: string;
}

/** `shipping_address[postal_code]` of an order lookup. */
export class OrderLookupAddress {
  @IsOptional() @IsString() @MaxLength(50) postal_code?: string;
}

/** `GET /store/orders?display_id=&email=&shipping_address[postal_code]=`: all given must match exactly. */
export class OrderLookupQuery extends OrderFindQuery {
  @Type(() => Number) @IsInt() @Min(1) @Max(MAX_DISPLAY_ID) display_id!: number;
  @IsEmail() @MaxLength(320) email!: string;
  @IsOptional() @ValidateNested() @Type(() => OrderLookupAddress) shipping_address?: OrderLookupAddress;
}

/** Seed 001's `fields` query: comma separated names of what each payment shows. */
export class OrderPaymentFields {
  @IsOptional() @IsString() @MaxLength(500) @IsCommaList(MAX_FIELDS_ENTRIES) fields?: string;
}

export class OrderPaymentsQuery extends OrderPaymentFields {
  @IsString() @MaxLength(100) order_id!: string;
}

export class OrderPaymentRef extends OrderPaymentsQuery {
  @IsString() @MaxLength(100) payment_id!: string;
}

/** A payment as seed 001 shows it (amounts in minor units). */
export interface OrderPaymentView {
  id: string;
  amount: number;
  bank_code: string;
  created_at: string;
  /** Seed 001's spelling. Online payments only: when it can no longer be paid. */
  exipired_at?: string;
  gateway_payment_no?: string | null;
  is_available: boolean;
  mode: 'online' | 'offline';
  payment_method: {
    id: number;
    gateway: string;
    name: string;
    pay_type: string;
    payment_method_type: 'online' | 'offline';
  };
  status: 'pending' | 'paid' | 'expired';
  pay_by_other: boolean;
  updated_at: string;
}

export interface OrderReply {
  order: Record<string, unknown> & { id: string; display_id: number };
}

const asList = ({ value }: { value: unknown }) =>
  value === undefined || Array.isArray(value) ? value : [value];

/**
 * `GET /store/customers/me/orders` (Medusa's `StoreGetCustomersCustomerOrdersParams`): paging,
 * `fields`, `expand`, equality filters (a value or a list of them) and date ranges.
 */
export class CustomerOrdersRequest extends WithDateRanges(PagedFindQuery) {
  @IsOptional() @ValidateNested() @Type(() => DateComparison) canceled_at?: DateComparison;
  @IsOptional() @Type(() => Number) @IsNumber() tax_rate?: number;
  @IsOptional() @IsString() @MaxLength(200) q?: string;
  @IsOptional() @Transform(asList) @IsString({ each: true }) @MaxLength(100, { each: true }) id?: string[];
  @IsOptional()
  @Transform(asList)
  @IsString({ each: true })
  @MaxLength(100, { each: true })
  status?: string[];
  @IsOptional()
  @Transform(asList)
  @IsString({ each: true })
  @MaxLength(100, { each: true })
  fulfillment_status?: string[];
  @IsOptional()
  @Transform(asList)
  @IsString({ each: true })
  @MaxLength(100, { each: true })
  payment_status?: string[];
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(MAX_DISPLAY_ID) display_id?: number;
  @IsOptional() @IsString() @MaxLength(100) cart_id?: string;
  @IsOptional() @IsString() @MaxLength(320) email?: string;
  @IsOptional() @IsString() @MaxLength(100) region_id?: string;
  @IsOptional() @IsString() @MaxLength(3) currency_code?: string;
}

export class CustomerOrdersQuery extends CustomerOrdersRequest {
  @IsString() @MaxLength(100) customer_id!: string;
}

/** Medusa's refund reasons. */
export const REFUND_REASONS = ['discount', 'return', 'swap', 'claim', 'other'] as const;

/** `POST /admin/orders/{id}/refund`: Medusa's `AdminPostOrdersOrderRefundsReq`. */
export class OrderRefundRequest {
  @Type(() => Number) @IsInt() @Min(1) @Max(100_000_000) amount!: number;
  @IsIn(REFUND_REASONS) reason!: (typeof REFUND_REASONS)[number];
  @IsOptional() @IsString() @MaxLength(2000) note?: string;
  @IsOptional() @IsBoolean() no_notification?: boolean;
}

export class OrderRefundCommand extends OrderRefundRequest {
  @IsString() @MaxLength(100) order_id!: string;
}

export class FulfillmentItemInput {
  @IsString() @MaxLength(100) item_id!: string;
  @Type(() => Number) @IsInt() @Min(1) @Max(10_000) quantity!: number;
}

/** `POST /admin/orders/{id}/fulfillment`: Medusa's `AdminPostOrdersOrderFulfillmentsReq`. */
export class OrderFulfillmentRequest {
  @ValidateNested({ each: true })
  @Type(() => FulfillmentItemInput)
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  items!: FulfillmentItemInput[];
  @IsOptional() @IsBoolean() no_notification?: boolean;
  @IsOptional() @IsObject() metadata?: Record<string, unknown>;
}

export class OrderFulfillmentCommand extends OrderFulfillmentRequest {
  @IsString() @MaxLength(100) order_id!: string;
}

/** `POST /admin/orders/{id}/shipment`: Medusa's `AdminPostOrdersOrderShipmentReq`. */
export class OrderShipmentRequest {
  @IsString() @MaxLength(100) fulfillment_id!: string;
  @IsOptional()
  @IsString({ each: true })
  @MaxLength(200, { each: true })
  @ArrayMaxSize(50)
  tracking_numbers?: string[];
  @IsOptional() @IsBoolean() no_notification?: boolean;
}

export class OrderShipmentCommand extends OrderShipmentRequest {
  @IsString() @MaxLength(100) order_id!: string;
}

/** `GET /admin/orders`: the same filters, every customer's orders (Medusa's admin default limit 50). */
export class AdminOrdersQuery extends CustomerOrdersRequest {}

/** Medusa's `StoreCustomersListOrdersRes`. */
export interface CustomerOrdersReply {
  orders: OrderReply['order'][];
  count: number;
  offset: number;
  limit: number;
}

/** `POST /store/orders/batch/customer/token`: Medusa's `StorePostCustomersCustomerOrderClaimReq`. */
export class OrderClaimRequest {
  @IsString({ each: true })
  @MaxLength(100, { each: true })
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  order_ids!: string[];
}

export class OrderClaimCommand extends OrderClaimRequest {
  @IsString() @MaxLength(100) customer_id!: string;
}

/** `POST /store/orders/customer/confirm`: Medusa's `StorePostCustomersCustomerAcceptClaimReq`. */
export class OrderClaimConfirmRequest {
  @IsString() @MaxLength(200) token!: string;
}

export class OrderClaimConfirmCommand extends OrderClaimConfirmRequest {
  @IsString() @MaxLength(100) customer_id!: string;
}
