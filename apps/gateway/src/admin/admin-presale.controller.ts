import { Body, Controller, Delete, Get, HttpCode, Param, Post, UseGuards } from '@nestjs/common';
import {
  AdminPresaleOffer,
  AdminPresaleOfferReply,
  CatalogCommands,
  DeletedReply,
  PresaleOfferInput,
} from '@app/contracts';
import { CommandClient } from '@app/platform';
import { AdminGuard } from '../auth/admin.guard';

/**
 * The merchant's presale offers (seed 004; our own routes, Medusa has no presale): every offer with
 * its stock and sales, and a variant's offer set (deposit, balance window, stock, buy limit,
 * refundable deposit) or taken off while none of it was sold.
 */
@UseGuards(AdminGuard)
@Controller('admin')
export class AdminPresaleController {
  constructor(private readonly commands: CommandClient) {}

  /** `GET /admin/presale-offers`: `{ presale_offers }`. */
  @Get('presale-offers')
  async list(): Promise<{ presale_offers: AdminPresaleOffer[] }> {
    return this.commands.request(CatalogCommands.adminPresaleOffers, {});
  }

  @Get('variants/:id/presale')
  async get(@Param('id') id: string): Promise<AdminPresaleOfferReply> {
    return this.commands.request(CatalogCommands.adminPresaleOffer, { variant_id: id });
  }

  /** `POST /admin/variants/{id}/presale`: `{ presale_offer }`; once per Idempotency-Key. */
  @Post('variants/:id/presale')
  @HttpCode(200)
  async set(@Param('id') id: string, @Body() body: PresaleOfferInput): Promise<AdminPresaleOfferReply> {
    return this.commands.request(CatalogCommands.setPresaleOffer, { ...body, variant_id: id });
  }

  @Delete('variants/:id/presale')
  async delete(@Param('id') id: string): Promise<DeletedReply> {
    return this.commands.request(CatalogCommands.deletePresaleOffer, { variant_id: id });
  }
}
