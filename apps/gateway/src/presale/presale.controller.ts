import { Controller, Get } from '@nestjs/common';
import { CatalogCommands, PresaleOffersReply } from '@app/contracts';
import { CommandClient } from '@app/platform';

/** Presale (seed 004): the offers a storefront's presale page lists; no sign-in needed. */
@Controller('store/presale')
export class PresaleController {
  constructor(private readonly commands: CommandClient) {}

  /**
   * `GET /store/presale/offers`: `{ offers: [{ variant_id, sku, product_id, title, deposit_amount,
   * price, balance_opens_at, balance_closes_at, stock, buy_limit, expect_arrival_time }] }`, amounts in
   * minor units; offers whose balance window has closed are gone.
   */
  @Get('offers')
  offers(): Promise<PresaleOffersReply> {
    return this.commands.request(CatalogCommands.presaleOffers, {});
  }
}
