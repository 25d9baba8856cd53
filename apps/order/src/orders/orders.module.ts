import { DynamicModule, Module } from '@nestjs/common';
import { ORDER_CONFIG, OrderConfig } from '../config/order-config';
import { OrderPaymentHandlers } from '../payments/order-payment.handlers';
import { ChargeEndedSubscriber, ChargePaidSubscriber } from '../payments/charge-events.subscriber';
import { OrderCapture } from '../payments/order-capture.service';
import { OrderFulfillments } from '../fulfillment/order-fulfillments.service';
import { OrderPayNow } from '../payments/order-pay-now.service';
import { OrderRefunds } from '../payments/order-refunds.service';
import { OrderPaymentStatus } from '../payments/order-payment-status.service';
import { OrderPaymentService } from '../payments/order-payment.service';
import {
  PaymentCanceledSubscriber,
  PaymentCapturedSubscriber,
  PaymentRefundedSubscriber,
} from '../payments/payment-events.subscriber';
import { PresaleHandlers } from '../presale/presale.handlers';
import { PresaleOrders } from '../presale/presale-orders.service';
import { PresaleQuotes } from '../presale/presale-quotes.service';
import { PresaleReminders } from '../presale/presale-reminders.service';
import { OrderReturns } from '../returns/order-returns.service';
import { ReturnHandlers } from '../returns/return.handlers';
import { OrderSwaps } from '../swaps/order-swaps.service';
import { SwapHandlers } from '../swaps/swap.handlers';
import { OrderEdits } from '../edits/order-edits.service';
import { OrderEditHandlers } from '../edits/order-edit.handlers';
import { ReturnReasons } from '../returns/return-reasons.service';
import { OrderHandlers } from './order.handlers';
import { OrderCancellation } from './order-cancellation.service';
import { OrderClaims } from './order-claims.service';
import { OrderExpiry } from './order-expiry.service';
import { OrderService } from './order.service';

@Module({
  controllers: [
    OrderHandlers,
    OrderPaymentHandlers,
    PresaleHandlers,
    ReturnHandlers,
    SwapHandlers,
    OrderEditHandlers,
  ],
  providers: [
    OrderService,
    OrderClaims,
    OrderCancellation,
    OrderExpiry,
    OrderPaymentService,
    PaymentCapturedSubscriber,
    PaymentRefundedSubscriber,
    PaymentCanceledSubscriber,
    OrderPayNow,
    OrderCapture,
    OrderRefunds,
    OrderFulfillments,
    OrderPaymentStatus,
    ChargePaidSubscriber,
    ChargeEndedSubscriber,
    PresaleQuotes,
    PresaleOrders,
    PresaleReminders,
    ReturnReasons,
    OrderReturns,
    OrderSwaps,
    OrderEdits,
  ],
})
export class OrdersModule {
  static withConfig(config: OrderConfig): DynamicModule {
    return { module: OrdersModule, providers: [{ provide: ORDER_CONFIG, useValue: config }] };
  }
}
