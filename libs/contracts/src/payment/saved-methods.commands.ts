import { IsString, MaxLength } from 'class-validator';
import { PaymentProviderId } from './payment.providers';

/** The signed-in customer whose kept payment methods are asked for. */
export class SavedMethodsQuery {
  @IsString() @MaxLength(100) customer_id!: string;
}

/** One of the customer's kept payment methods to be forgotten, by its id in our list. */
export class SavedMethodRemoval extends SavedMethodsQuery {
  @IsString() @MaxLength(100) id!: string;
}

/**
 * A card a provider keeps for the customer, in Medusa v1's shape (`provider_id`, `data`). `data.id`
 * is ours (a digest of the provider's token): the token itself never leaves the payment app.
 */
export interface SavedPaymentMethod {
  provider_id: PaymentProviderId;
  data: {
    id: string;
    object: 'payment_method';
    type: 'card';
    brand: string;
    last4: string;
    exp_month: number;
    exp_year: number;
    created_at: string | null;
  };
}

/** `GET /store/customers/me/payment-methods`. */
export interface SavedMethodsReply {
  payment_methods: SavedPaymentMethod[];
}

/** `DELETE /store/customers/me/payment-methods/{id}`, in Medusa's shape of a deletion. */
export interface SavedMethodRemoved {
  id: string;
  object: 'payment_method';
  deleted: true;
}
