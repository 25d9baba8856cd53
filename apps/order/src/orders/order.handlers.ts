import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  AdminOrdersQuery,
  CreateOrderCommand,
  CustomerOrderRef,
  CustomerOrdersQuery,
  CustomerOrdersReply,
  OrderByCart,
  OrderClaimCommand,
  OrderClaimConfirmCommand,
  OrderCommands,
  OrderLookupQuery,
  OrderQuery,
  OrderRef,
  OrderFulfillmentCommand,
  OrderRefundCommand,
  OrderReply,
  OrderShipmentCommand,
} from '@app/contracts';
import { Idempotency } from '@app/platform';
import { OrderFulfillments } from '../fulfillment/order-fulfillments.service';
import { OrderCapture } from '../payments/order-capture.service';
import { OrderRefunds } from '../payments/order-refunds.service';
import { OrderCancellation } from './order-cancellation.service';
import { OrderClaims } from './order-claims.service';
import { OrderService } from './order.service';

/** Order commands. Placing an order is idempotent by its cart (one order per cart). */
@Controller()
export class OrderHandlers {
  constructor(
    private readonly orders: OrderService,
    private readonly claims: OrderClaims,
    private readonly cancellation: OrderCancellation,
    private readonly captures: OrderCapture,
    private readonly refunds: OrderRefunds,
    private readonly idempotency: Idempotency,
    private readonly fulfillments: OrderFulfillments,
  ) {}

  @MessagePattern(OrderCommands.createFromCart.subject)
  createFromCart(@Payload() command: CreateOrderCommand): Promise<OrderReply> {
    return this.orders.createFromCart(command);
  }

  @MessagePattern(OrderCommands.get.subject)
  get(@Payload() ref: OrderQuery): Promise<OrderReply> {
    return this.orders.get(ref);
  }

  @MessagePattern(OrderCommands.getByCart.subject)
  getByCart(@Payload() ref: OrderByCart): Promise<OrderReply> {
    return this.orders.getByCart(ref);
  }

  @MessagePattern(OrderCommands.requestClaim.subject)
  requestClaim(@Payload() command: OrderClaimCommand): Promise<{ requested: true }> {
    return this.claims.request(command);
  }

  @MessagePattern(OrderCommands.confirmClaim.subject)
  confirmClaim(@Payload() command: OrderClaimConfirmCommand): Promise<{ claimed: number }> {
    return this.claims.confirm(command);
  }

  @MessagePattern(OrderCommands.listByCustomer.subject)
  listByCustomer(@Payload() query: CustomerOrdersQuery): Promise<CustomerOrdersReply> {
    return this.orders.listByCustomer(query);
  }

  @MessagePattern(OrderCommands.cancelByCustomer.subject)
  cancelByCustomer(@Payload() ref: CustomerOrderRef): Promise<OrderReply> {
    return this.cancellation.byCustomer(ref);
  }

  @MessagePattern(OrderCommands.listAll.subject)
  listAll(@Payload() query: AdminOrdersQuery): Promise<CustomerOrdersReply> {
    return this.orders.listAll(query);
  }

  /** Under the Idempotency-Key: a retried refund answers the first one, never refunds twice. */
  @MessagePattern(OrderCommands.refund.subject)
  refund(@Payload() command: OrderRefundCommand): Promise<OrderReply> {
    return this.idempotency.run(OrderCommands.refund.subject, command, () => this.refunds.refund(command), {
      transaction: false,
    });
  }

  @MessagePattern(OrderCommands.fulfill.subject)
  fulfill(@Payload() command: OrderFulfillmentCommand): Promise<OrderReply> {
    return this.idempotency.run(
      OrderCommands.fulfill.subject,
      command,
      () => this.fulfillments.fulfill(command),
      {
        transaction: false,
      },
    );
  }

  @MessagePattern(OrderCommands.ship.subject)
  ship(@Payload() command: OrderShipmentCommand): Promise<OrderReply> {
    return this.fulfillments.ship(command);
  }

  @MessagePattern(OrderCommands.capture.subject)
  capture(@Payload() ref: OrderRef): Promise<OrderReply> {
    return this.captures.capture(ref);
  }

  @MessagePattern(OrderCommands.cancelByMerchant.subject)
  cancelByMerchant(@Payload() ref: OrderRef): Promise<OrderReply> {
    return this.cancellation.byMerchant(ref);
  }

  @MessagePattern(OrderCommands.lookup.subject)
  lookup(@Payload() query: OrderLookupQuery): Promise<OrderReply> {
    return this.orders.lookup(query);
  }
}
