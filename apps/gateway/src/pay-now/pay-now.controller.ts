import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  Post,
  Query,
  Req,
  UseFilters,
  UseGuards,
} from '@nestjs/common';
import {
  OrderCommands,
  OrderPaymentStatusReply,
  OrderPaymentStatusRequest,
  PayOrderRequest,
} from '@app/contracts';
import { CommandClient } from '@app/platform';
import { FastifyRequest } from 'fastify';
import { Authenticator } from '../auth/authenticator.service';
import { OrderPaymentWatch } from './order-payment-watch.service';
import { SeedEnvelopeFilter } from './seed-envelope.filter';
import { SignedInCustomerGuard } from './signed-in.guard';

/** Seed 002's answer envelope. */
interface SeedAnswer<T> {
  status: 200;
  msg: string;
  data: T;
}

/**
 * Paying an existing order now (seed 002), authorized by the seed's `token` header or a Bearer
 * access token: only the order's customer may pay it or ask how its payment stands.
 */
@Controller('store/orders/:id')
export class PayNowController {
  constructor(
    private readonly commands: CommandClient,
    private readonly authenticator: Authenticator,
    private readonly watch: OrderPaymentWatch,
  ) {}

  /**
   * `POST /store/orders/{id}/pay` (订单立即支付): `{ status: 200, msg: "下单成功", data: { pay_param } }`
   * — WeChat's seven app-pay fields or Alipay's signed order string; no `pay_param` when points paid
   * it all. Errors in the seed's envelope, `{ status: 0, msg, data: [] }`.
   */
  @Post('pay')
  @HttpCode(200)
  @UseFilters(SeedEnvelopeFilter)
  @UseGuards(SignedInCustomerGuard)
  async pay(
    @Param('id') path_order_id: string,
    @Body() body: PayOrderRequest,
    @Req() request: FastifyRequest,
  ): Promise<SeedAnswer<{ payment_id: string; pay_param?: unknown }>> {
    const customer_id = await this.authenticator.customerId(request);
    const data = await this.commands.request(OrderCommands.pay, { ...body, path_order_id, customer_id });
    return { status: 200, msg: '下单成功', data };
  }

  /**
   * `GET /store/orders/{id}/payment-status?wait=N`: `{ payment_status, paid, due }`, at once when the
   * order's payment has settled, else held up to N seconds (at most 30) and answered as soon as it does.
   */
  @Get('payment-status')
  async paymentStatus(
    @Param('id') order_id: string,
    @Query() query: OrderPaymentStatusRequest,
    @Req() request: FastifyRequest,
  ): Promise<OrderPaymentStatusReply> {
    const customer_id = await this.authenticator.customerId(request);
    const wait = this.watch.watch(order_id);
    try {
      const now = await this.commands.request(OrderCommands.paymentStatus, { order_id, customer_id });
      if (now.payment_status !== 'not_paid' || !query.wait) return now;
      await wait.within(query.wait * 1000);
      return await this.commands.request(OrderCommands.paymentStatus, { order_id, customer_id });
    } finally {
      wait.end();
    }
  }
}
