import { IsInt, IsString } from 'class-validator';
import { event } from '../common/events';

/** Data of `events.cart.completed`: the checkout placed its order. */
export class CartCompleted {
  @IsString() cart_id!: string;
  @IsString() order_id!: string;
  @IsInt() total!: number;
  @IsString() currency_code!: string;
}

/** Data of `events.cart.gift-card-issued`: a gift card bought in an order, for its recipient's mail. */
export class GiftCardIssued {
  @IsString() gift_card_id!: string;
  @IsString() code!: string;
  @IsInt() value!: number;
  @IsString() currency_code!: string;
  /** The line's `metadata.recipient_email` when it names one, else the order's email. */
  @IsString() email!: string;
  @IsString() order_id!: string;
}

/** Events the cart app publishes. */
/** Data of `events.cart.discount-changed`: the merchant created, changed or deleted a discount. */
export class DiscountChanged {
  @IsString() discount_id!: string;
}

export const CartEvents = {
  completed: event<CartCompleted>('cart.completed'),
  /** A gift card bought as a product was issued (Medusa's `gift_card.created`). */
  giftCardIssued: event<GiftCardIssued>('cart.gift-card-issued'),
  /** The merchant's discounts: carts apply a changed or disabled one as it then is, from their next change. */
  discountChanged: event<DiscountChanged>('cart.discount-changed'),
} as const;
