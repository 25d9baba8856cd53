import { Controller, Get, Param, Query } from '@nestjs/common';
import {
  OrderCommands,
  OrderFindQuery,
  OrderLookupQuery,
  OrderPaymentFields,
  OrderReply,
} from '@app/contracts';
import { CommandClient } from '@app/platform';

/** Medusa v1 store orders: by id, by cart, and the guest lookup by number and email. */
@Controller('store/orders')
export class OrdersController {
  constructor(private readonly commands: CommandClient) {}

  /** `GET /store/orders?display_id=&email=`: exactly one match, else the same 404 for every miss. */
  @Get()
  lookup(@Query() query: OrderLookupQuery): Promise<OrderReply> {
    return this.commands.request(OrderCommands.lookup, query);
  }

  @Get('cart/:cart_id')
  byCart(@Param('cart_id') cart_id: string, @Query() query: OrderFindQuery): Promise<OrderReply> {
    return this.commands.request(OrderCommands.getByCart, { ...query, cart_id });
  }

  /** Seed 001: an order's payments (`fields=a,b,c`), their count, one of them. */
  @Get(':id/payments')
  payments(@Param('id') order_id: string, @Query() query: OrderPaymentFields) {
    return this.commands.request(OrderCommands.listPayments, { ...query, order_id });
  }

  @Get(':id/payments/count')
  countPayments(@Param('id') order_id: string) {
    return this.commands.request(OrderCommands.countPayments, { order_id });
  }

  @Get(':id/payments/:payment_id')
  payment(
    @Param('id') order_id: string,
    @Param('payment_id') payment_id: string,
    @Query() query: OrderPaymentFields,
  ) {
    return this.commands.request(OrderCommands.getPayment, { ...query, order_id, payment_id });
  }

  @Get(':id')
  retrieve(@Param('id') order_id: string, @Query() query: OrderFindQuery): Promise<OrderReply> {
    return this.commands.request(OrderCommands.get, { ...query, order_id });
  }
}
