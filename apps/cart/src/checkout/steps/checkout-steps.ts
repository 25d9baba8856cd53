import { Type } from '@nestjs/common';
import { AuthorizePaymentStep } from './authorize-payment.step';
import { CheckoutStep } from './checkout-step';
import { CompleteCartStep } from './complete-cart.step';
import { PlaceOrderStep } from './place-order.step';
import { ReserveStockStep } from './reserve-stock.step';

/**
 * The checkout saga, in order: each step moves the saga from its `from` stage to its `to` stage
 * (`checkout.state.ts`). A refusal compensates them in reverse order; once the order is placed
 * there is no way back, only forward.
 */
export const CHECKOUT_STEPS: readonly Type<CheckoutStep>[] = [
  ReserveStockStep,
  AuthorizePaymentStep,
  PlaceOrderStep,
  CompleteCartStep,
];
