import { Body, Controller, Get, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import {
  CustomerCommands,
  OrderClaimConfirmRequest,
  OrderClaimRequest,
  OrderCommands,
  OrderFindQuery,
  OrderLookupQuery,
  OrderPaymentFields,
  OrderReply,
} from '@app/contracts';
import { CommandClient } from '@app/platform';
import { FastifyReply, FastifyRequest } from 'fastify';
import { Authenticator } from '../auth/authenticator.service';

/** Medusa v1 store orders: by id, by cart, and the guest lookup by number and email. */
@Controller('store/orders')
export class OrdersController {
  constructor(
    private readonly commands: CommandClient,
    private readonly authenticator: Authenticator,
  ) {}

  /**
   * `POST /store/orders/batch/customer/token`: the signed-in customer asks for guest orders; a
   * token goes to each order's email. Medusa answers a bare 200 `OK`.
   */
  @Post('batch/customer/token')
  async requestClaim(
    @Req() request: FastifyRequest,
    @Body() body: OrderClaimRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const customer_id = await this.authenticator.customerId(request);
    await this.commands.request(OrderCommands.requestClaim, { ...body, customer_id });
    await reply.status(200).type('text/plain').send('OK');
  }

  /** `POST /store/orders/customer/confirm`: the mailed token moves those orders to the signed-in customer. */
  @Post('customer/confirm')
  async confirmClaim(
    @Req() request: FastifyRequest,
    @Body() body: OrderClaimConfirmRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const customer_id = await this.authenticator.customerId(request);
    await this.commands.request(OrderCommands.confirmClaim, { ...body, customer_id });
    await reply.status(200).type('text/plain').send('OK');
  }

  /**
   * `GET /store/orders?display_id=&email=`: exactly one match, else the same 404 for every miss;
   * throttled per email (LOOKUP_LIMIT per window, counted by the customer app for every replica).
   */
  @Get()
  async lookup(@Query() query: OrderLookupQuery): Promise<OrderReply> {
    await this.commands.request(CustomerCommands.throttleLookup, {
      key: `order:${query.email.toLowerCase()}`,
    });
    return this.commands.request(OrderCommands.lookup, query);
  }

  @Get('cart/:cart_id')
  byCart(@Param('cart_id') cart_id: string, @Query() query: OrderFindQuery): Promise<OrderReply> {
    return this.commands.request(OrderCommands.getByCart, { ...query, cart_id });
  }

  /** `POST /store/orders/{id}/cancel` (取消订单): the signed-in customer's unpaid order; a paid one is refused. */
  @Post(':id/cancel')
  @HttpCode(200)
  async cancel(@Param('id') order_id: string, @Req() request: FastifyRequest): Promise<OrderReply> {
    const customer_id = await this.authenticator.customerId(request);
    return this.commands.request(OrderCommands.cancelByCustomer, { order_id, customer_id });
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
