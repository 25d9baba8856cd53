import { Body, Controller, Delete, Get, HttpCode, Param, Post, Req } from '@nestjs/common';
import {
  AdminPresaleOffer,
  AdminPresaleOfferReply,
  CatalogCommands,
  DeletedReply,
  PresaleOfferInput,
} from '@app/contracts';
import { CommandClient } from '@app/platform';
import { FastifyRequest } from 'fastify';
import { Authenticator } from '../auth/authenticator.service';

/**
 * The merchant's presale offers (seed 004; our own routes, Medusa has no presale): every offer with
 * its stock and sales, and a variant's offer set (deposit, balance window, stock, buy limit,
 * refundable deposit) or taken off while none of it was sold.
 */
@Controller('admin')
export class AdminPresaleController {
  constructor(
    private readonly commands: CommandClient,
    private readonly authenticator: Authenticator,
  ) {}

  /** `GET /admin/presale-offers`: `{ presale_offers }`. */
  @Get('presale-offers')
  async list(@Req() request: FastifyRequest): Promise<{ presale_offers: AdminPresaleOffer[] }> {
    await this.authenticator.adminId(request);
    return this.commands.request(CatalogCommands.adminPresaleOffers, {});
  }

  @Get('variants/:id/presale')
  async get(@Req() request: FastifyRequest, @Param('id') id: string): Promise<AdminPresaleOfferReply> {
    await this.authenticator.adminId(request);
    return this.commands.request(CatalogCommands.adminPresaleOffer, { variant_id: id });
  }

  /** `POST /admin/variants/{id}/presale`: `{ presale_offer }`; once per Idempotency-Key. */
  @Post('variants/:id/presale')
  @HttpCode(200)
  async set(
    @Req() request: FastifyRequest,
    @Param('id') id: string,
    @Body() body: PresaleOfferInput,
  ): Promise<AdminPresaleOfferReply> {
    await this.authenticator.adminId(request);
    return this.commands.request(CatalogCommands.setPresaleOffer, { ...body, variant_id: id });
  }

  @Delete('variants/:id/presale')
  async delete(@Req() request: FastifyRequest, @Param('id') id: string): Promise<DeletedReply> {
    await this.authenticator.adminId(request);
    return this.commands.request(CatalogCommands.deletePresaleOffer, { variant_id: id });
  }
}
