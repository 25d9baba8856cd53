import { IsInt, IsString } from 'class-validator';
import { event } from '../common/events';

/** Data of `events.cart.completed`: the checkout placed its order. */
export class CartCompleted {
  @IsString() cart_id!: string;
  @IsString() order_id!: string;
  @IsInt() total!: number;
  @IsString() currency_code!: string;
}

/** Events the cart app publishes. */
export const CartEvents = {
  completed: event<CartCompleted>('cart.completed'),
} as const;
