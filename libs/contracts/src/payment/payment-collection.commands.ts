import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { PAYMENT_PROVIDER_IDS, PaymentProviderId } from './payment.providers';

/**
 * A payment collection to open (Medusa's `PaymentCollection` of type `order_edit`): an amount owed
 * outside a cart, paid through sessions at the region's providers. One per `reference_id`: asked
 * again, the same collection.
 */
export class CreatePaymentCollectionCommand {
  @IsIn(['order_edit']) type!: 'order_edit';
  @IsInt() @Min(1) amount!: number;
  @Matches(/^[a-z]{3}$/) currency_code!: string;
  @IsString() @MaxLength(100) region_id!: string;
  /** The providers the region offers (the only ones a session may use). */
  @IsArray() @IsIn(PAYMENT_PROVIDER_IDS, { each: true }) provider_ids!: PaymentProviderId[];
  @IsString() @MaxLength(100) reference_id!: string;
  @IsOptional() @IsString() @MaxLength(500) description?: string;
  /** Who pays: shown to providers that take an email. */
  @IsOptional() @IsString() @MaxLength(320) email?: string | null;
  @IsOptional() @IsString() @MaxLength(100) created_by?: string | null;
}

export class PaymentCollectionRef {
  @IsString() @MaxLength(100) payment_collection_id!: string;
}

/** `POST /store/payment-collections/{id}/sessions`: Medusa's `StorePaymentCollectionSessionsReq`. */
export class CollectionSessionRequest {
  @IsIn(PAYMENT_PROVIDER_IDS) provider_id!: PaymentProviderId;
}

export class CollectionSessionCommand extends CollectionSessionRequest {
  @IsString() @MaxLength(100) payment_collection_id!: string;
}

export class CollectionSessionInput {
  @IsIn(PAYMENT_PROVIDER_IDS) provider_id!: PaymentProviderId;
  @Type(() => Number) @IsInt() @Min(1) amount!: number;
  @IsOptional() @IsString() @MaxLength(100) session_id?: string;
}

/** `POST /store/payment-collections/{id}/sessions/batch`: Medusa's `StorePostPaymentCollectionsBatchSessionsReq`. */
export class CollectionSessionsBatchRequest {
  @ValidateNested({ each: true })
  @Type(() => CollectionSessionInput)
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  sessions!: CollectionSessionInput[];
}

export class CollectionSessionsBatchCommand extends CollectionSessionsBatchRequest {
  @IsString() @MaxLength(100) payment_collection_id!: string;
}

/** `POST /store/payment-collections/{id}/sessions/batch/authorize`: Medusa's `StorePostPaymentCollectionsBatchSessionsAuthorizeReq`. */
export class CollectionSessionsAuthorizeRequest {
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  @IsString({ each: true })
  @MaxLength(100, { each: true })
  session_ids!: string[];
}

export class CollectionSessionsAuthorizeCommand extends CollectionSessionsAuthorizeRequest {
  @IsString() @MaxLength(100) payment_collection_id!: string;
}

export class CollectionSessionRef {
  @IsString() @MaxLength(100) payment_collection_id!: string;
  @IsString() @MaxLength(100) session_id!: string;
}

/** Medusa's `PaymentSession` of a payment collection. */
export interface CollectionSessionView extends Record<string, unknown> {
  id: string;
  provider_id: string;
  amount: number;
  status: string;
  data: Record<string, unknown>;
}

/** Medusa's `PaymentCollection`. */
export interface PaymentCollectionView extends Record<string, unknown> {
  id: string;
  type: 'order_edit';
  status: 'not_paid' | 'awaiting' | 'authorized' | 'partially_authorized' | 'canceled';
  amount: number;
  authorized_amount: number | null;
  currency_code: string;
  payment_sessions: CollectionSessionView[];
}

export interface PaymentCollectionReply {
  payment_collection: PaymentCollectionView;
}

export interface CollectionSessionReply {
  payment_session: CollectionSessionView;
}
