import { IsObject, IsString, MaxLength } from 'class-validator';
import { CartRef } from './cart.commands';

/** `POST /store/carts/{id}/payment-session` body: the provider to pay with. */
export class SelectPaymentSessionRequest {
  @IsString()
  @MaxLength(100)
  provider_id!: string;
}

/** `POST /store/carts/{id}/payment-sessions/{provider_id}` body. */
export class UpdatePaymentSessionRequest {
  @IsObject()
  data!: Record<string, unknown>;
}

/** A cart's payment session, named by its provider as Medusa's routes do. */
export class PaymentSessionRef extends CartRef {
  @IsString()
  @MaxLength(100)
  provider_id!: string;
}

export class UpdatePaymentSessionCommand extends PaymentSessionRef {
  @IsObject()
  data!: Record<string, unknown>;
}
