import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  CustomerOrderRef,
  OrderCommands,
  OrderPaymentRef,
  OrderPaymentsQuery,
  OrderPaymentStatusReply,
  OrderRef,
  PayOrderCommand,
  PayOrderReply,
} from '@app/contracts';
import { Idempotency } from '@app/platform';
import { OrderPayNow } from './order-pay-now.service';
import { OrderPaymentStatus } from './order-payment-status.service';
import { OrderPaymentService } from './order-payment.service';

/** Paying an order now (seed 002), where its payment stands, and seed 001's payment routes. */
@Controller()
export class OrderPaymentHandlers {
  constructor(
    private readonly payments: OrderPaymentService,
    private readonly payNow: OrderPayNow,
    private readonly status: OrderPaymentStatus,
    private readonly idempotency: Idempotency,
  ) {}

  /** Seed 002's pay now, under the Idempotency-Key (a retry answers the same payment). */
  @MessagePattern(OrderCommands.pay.subject)
  pay(@Payload() command: PayOrderCommand): Promise<PayOrderReply> {
    return this.idempotency.run(OrderCommands.pay.subject, command, () => this.payNow.pay(command), {
      transaction: false,
    });
  }

  @MessagePattern(OrderCommands.paymentStatus.subject)
  paymentStatus(@Payload() ref: CustomerOrderRef): Promise<OrderPaymentStatusReply> {
    return this.status.get(ref);
  }

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
