import { Controller, Get, Param, Query } from '@nestjs/common';
import { OrderCommands, OrderLookupQuery, OrderReply } from '@app/contracts';
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
  byCart(@Param('cart_id') cart_id: string): Promise<OrderReply> {
    return this.commands.request(OrderCommands.getByCart, { cart_id });
  }

  @Get(':id')
  retrieve(@Param('id') order_id: string): Promise<OrderReply> {
    return this.commands.request(OrderCommands.get, { order_id });
  }
}
