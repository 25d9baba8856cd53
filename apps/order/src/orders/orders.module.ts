import { Module } from '@nestjs/common';
import { OrderPaymentHandlers } from '../payments/order-payment.handlers';
import { OrderPaymentService } from '../payments/order-payment.service';
import {
  PaymentCanceledSubscriber,
  PaymentCapturedSubscriber,
  PaymentRefundedSubscriber,
} from '../payments/payment-events.subscriber';
import { OrderHandlers } from './order.handlers';
import { OrderClaims } from './order-claims.service';
import { OrderService } from './order.service';

@Module({
  controllers: [OrderHandlers, OrderPaymentHandlers],
  providers: [
    OrderService,
    OrderClaims,
    OrderPaymentService,
    PaymentCapturedSubscriber,
    PaymentRefundedSubscriber,
    PaymentCanceledSubscriber,
  ],
})
export class OrdersModule {}
