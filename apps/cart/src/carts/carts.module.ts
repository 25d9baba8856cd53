import { Module } from '@nestjs/common';
import { CheckoutResumer } from '../checkout/checkout-resumer.service';
import { CheckoutHandlers } from '../checkout/checkout.handlers';
import { CheckoutService } from '../checkout/checkout.service';
import { DiscountService } from '../discounts/discount.service';
import { GiftCardService } from '../gift-cards/gift-card.service';
import { PaymentSessionHandlers } from '../payment-sessions/payment-session.handlers';
import { PaymentSessionService } from '../payment-sessions/payment-session.service';
import {
  SessionAuthorizedSubscriber,
  SessionExpiredSubscriber,
  SessionFailedSubscriber,
} from '../payment-sessions/payment-events.subscriber';
import { SessionSync } from '../payment-sessions/session-sync.service';
import { LineItemService } from '../line-items/line-item.service';
import { LinePricing } from '../line-items/line-pricing.service';
import { RegionDirectory } from '../regions/region-directory.service';
import { ShippingMethodService } from '../shipping/shipping-method.service';
import { CartStore } from './cart-store.service';
import { CartHandlers } from './cart.handlers';
import { CartService } from './cart.service';

@Module({
  controllers: [CartHandlers, PaymentSessionHandlers, CheckoutHandlers],
  providers: [
    CartStore,
    CartService,
    RegionDirectory,
    LinePricing,
    LineItemService,
    DiscountService,
    GiftCardService,
    ShippingMethodService,
    SessionSync,
    CheckoutService,
    CheckoutResumer,
    PaymentSessionService,
    SessionAuthorizedSubscriber,
    SessionFailedSubscriber,
    SessionExpiredSubscriber,
  ],
})
export class CartsModule {}
