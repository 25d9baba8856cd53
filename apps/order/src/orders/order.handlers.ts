import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  CreateOrderCommand,
  CustomerOrdersQuery,
  CustomerOrdersReply,
  OrderByCart,
  OrderCommands,
  OrderLookupQuery,
  OrderQuery,
  OrderReply,
} from '@app/contracts';
import { OrderService } from './order.service';

/** Order commands. Placing an order is idempotent by its cart (one order per cart). */
@Controller()
export class OrderHandlers {
  constructor(private readonly orders: OrderService) {}

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

  @MessagePattern(OrderCommands.listByCustomer.subject)
  listByCustomer(@Payload() query: CustomerOrdersQuery): Promise<CustomerOrdersReply> {
    return this.orders.listByCustomer(query);
  }

  @MessagePattern(OrderCommands.lookup.subject)
  lookup(@Payload() query: OrderLookupQuery): Promise<OrderReply> {
    return this.orders.lookup(query);
  }
}
