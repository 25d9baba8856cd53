import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { OrderCommands, OrderPaymentRef, OrderPaymentsQuery, OrderRef } from '@app/contracts';
import { OrderPaymentService } from './order-payment.service';

/** Seed 001's payment routes of an order. */
@Controller()
export class OrderPaymentHandlers {
  constructor(private readonly payments: OrderPaymentService) {}

  @MessagePattern(OrderCommands.listPayments.subject)
  list(@Payload() query: OrderPaymentsQuery) {
    return this.payments.list(query);
  }

  @MessagePattern(OrderCommands.countPayments.subject)
  count(@Payload() ref: OrderRef) {
    return this.payments.count(ref);
  }

  @MessagePattern(OrderCommands.getPayment.subject)
  get(@Payload() ref: OrderPaymentRef) {
    return this.payments.get(ref);
  }
}
