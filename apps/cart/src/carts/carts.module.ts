import { DynamicModule, Module } from '@nestjs/common';
import { CheckoutRecovery } from '../checkout/checkout-recovery.service';
import { CheckoutRunner } from '../checkout/checkout-runner.service';
import { CheckoutSagas } from '../checkout/checkout-saga.store';
import { CHECKOUT_CONFIG, CheckoutConfig } from '../checkout/checkout.config';
import { CheckoutHandlers } from '../checkout/checkout.handlers';
import { CheckoutService } from '../checkout/checkout.service';
import { CHECKOUT_STEPS } from '../checkout/steps/checkout-steps';
import { AdminDiscountHandlers } from '../discounts/admin-discount.handlers';
import { DiscountWrites } from '../discounts/discount-writes.service';
import { DiscountService } from '../discounts/discount.service';
import { GiftCardService } from '../gift-cards/gift-card.service';
import { GiftCardLedger } from '../gift-cards/gift-card-ledger.service';
import {
  GIFT_CARD_ISSUERS,
  GiftCardsBackOnCancel,
  GiftCardsBackOnRefund,
} from '../gift-cards/gift-card-events.subscriber';
import { PaymentSessionHandlers } from '../payment-sessions/payment-session.handlers';
import { StorePaymentSessions } from '../payment-sessions/store-payment-sessions.service';
import {
  SessionAuthorizedSubscriber,
  SessionExpiredSubscriber,
  SessionFailedSubscriber,
} from '../payment-sessions/payment-events.subscriber';
import { PaymentSessionFollower } from '../payment-sessions/payment-session-follower.service';
import { LineItemService } from '../line-items/line-item.service';
import { LinePricing } from '../line-items/line-pricing.service';
import { RegionDirectory } from '../regions/region-directory.service';
import { ShippingMethodService } from '../shipping/shipping-method.service';
import { CartCustomers } from './cart-customers.service';
import { CartSalesChannels } from './cart-sales-channels.service';
import { SalesChannelCopies } from './sales-channel-copies.subscriber';
import { CartStore } from './cart-store.service';
import { CartHandlers } from './cart.handlers';
import { SwapCartHandlers } from '../swaps/swap-cart.handlers';
import { SwapCarts } from '../swaps/swap-cart.service';
import { CartService } from './cart.service';

const PROVIDERS = [
  CartStore,
  CartCustomers,
  CartSalesChannels,
  CartService,
  RegionDirectory,
  LinePricing,
  LineItemService,
  DiscountService,
  DiscountWrites,
  GiftCardService,
  GiftCardLedger,
  ShippingMethodService,
  PaymentSessionFollower,
  CheckoutService,
  CheckoutSagas,
  CheckoutRunner,
  CheckoutRecovery,
  ...CHECKOUT_STEPS,
  StorePaymentSessions,
  SessionAuthorizedSubscriber,
  SessionFailedSubscriber,
  SessionExpiredSubscriber,
  GiftCardsBackOnCancel,
  GiftCardsBackOnRefund,
  ...GIFT_CARD_ISSUERS,
  SwapCarts,
  SalesChannelCopies,
];

/** Carts, their payment sessions and their checkout. */
@Module({})
export class CartsModule {
  static forRoot(checkout: CheckoutConfig): DynamicModule {
    return {
      module: CartsModule,
      controllers: [
        CartHandlers,
        PaymentSessionHandlers,
        CheckoutHandlers,
        SwapCartHandlers,
        AdminDiscountHandlers,
      ],
      providers: [{ provide: CHECKOUT_CONFIG, useValue: checkout }, ...PROVIDERS],
    };
  }
}
