import { Module } from '@nestjs/common';
import { OrderPaymentHandlers } from '../payments/order-payment.handlers';
import { OrderPaymentService } from '../payments/order-payment.service';
import { OrderHandlers } from './order.handlers';
import { OrderService } from './order.service';

@Module({
  controllers: [OrderHandlers, OrderPaymentHandlers],
  providers: [OrderService, OrderPaymentService],
})
export class OrdersModule {}
