import { Body, Controller, Get, Inject, Post, Req, Res, UseFilters, UseGuards } from '@nestjs/common';
import {
  CatalogCommands,
  OrderCommands,
  PresaleComputeRequest,
  PresaleOffersReply,
  PresaleSettleRequest,
  PresaleSubmitRequest,
} from '@app/contracts';
import { CommandClient } from '@app/platform';
import { FastifyReply, FastifyRequest } from 'fastify';
import { Authenticator } from '../auth/authenticator.service';
import { SignedInCustomerGuard } from '../pay-now/signed-in.guard';
import { PRESALE_CONFIG, PresaleConfig } from './presale-config';
import { PresaleEnvelopeFilter, sealed } from './presale-envelope';
import { computeData, settleData, submitData } from './presale-views';

/**
 * Presale (seed 004): the offers a storefront's presale page lists (no sign-in), and the signed-in
 * customer's settle and compute in the seed's `SALT_MD5` envelope, amounts in yuan at this edge only.
 */
@Controller('store/presale')
export class PresaleController {
  constructor(
    private readonly commands: CommandClient,
    private readonly authenticator: Authenticator,
    @Inject(PRESALE_CONFIG) private readonly config: PresaleConfig,
  ) {}

  /**
   * `GET /store/presale/offers`: `{ offers: [{ variant_id, sku, product_id, title, deposit_amount,
   * price, balance_opens_at, balance_closes_at, stock, buy_limit, expect_arrival_time }] }`, amounts in
   * minor units; offers whose balance window has closed are gone.
   */
  @Get('offers')
  offers(): Promise<PresaleOffersReply> {
    return this.commands.request(CatalogCommands.presaleOffers, {});
  }

  /** `POST /store/presale/settle` (`app.shopping.depositPayment`): seed 004's settle `data`. */
  @Post('settle')
  @UseFilters(PresaleEnvelopeFilter)
  @UseGuards(SignedInCustomerGuard)
  async settle(
    @Body() body: PresaleSettleRequest,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const customer_id = await this.authenticator.customerId(request);
    const quote = await this.commands.request(OrderCommands.presaleQuote, { ...body, customer_id });
    await this.send(reply, settleData(quote, customer_id), 'payment data.');
  }

  /** `POST /store/presale/compute` (`depositCompute`): the amounts with a delivery way and points chosen. */
  @Post('compute')
  @UseFilters(PresaleEnvelopeFilter)
  @UseGuards(SignedInCustomerGuard)
  async compute(
    @Body() body: PresaleComputeRequest,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const customer_id = await this.authenticator.customerId(request);
    const quote = await this.commands.request(OrderCommands.presaleQuote, { ...body, customer_id });
    await this.send(reply, computeData(quote), 'compute list.');
  }

  /**
   * `POST /store/presale/submit` (`depositSubmit`): the presale order — `order_code` its number,
   * `order_id` what pay-now takes, `payment_amount` the deposit due by `pay_expire`.
   */
  @Post('submit')
  @UseFilters(PresaleEnvelopeFilter)
  @UseGuards(SignedInCustomerGuard)
  async submit(
    @Body() body: PresaleSubmitRequest,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const customer_id = await this.authenticator.customerId(request);
    const order = await this.commands.request(OrderCommands.presaleSubmit, { ...body, customer_id });
    await this.send(reply, submitData(order), 'submit order .');
  }

  private async send(reply: FastifyReply, data: unknown, message: string): Promise<void> {
    await reply
      .status(200)
      .type('application/json')
      .send(sealed(200, data, message, this.config.md5Salt));
  }
}
