import { Body, Controller, Get, HttpCode, Post, Query, Req } from '@nestjs/common';
import {
  CartCommands,
  CreateGiftCardRequest,
  GiftCardList,
  GiftCardReply,
  ListGiftCardsQuery,
} from '@app/contracts';
import { CommandClient } from '@app/platform';
import { FastifyRequest } from 'fastify';
import { Authenticator } from '../auth/authenticator.service';

/** The merchant's gift cards (Medusa v1 admin): issue one for a region and value, list them. */
@Controller('admin/gift-cards')
export class AdminGiftCardsController {
  constructor(
    private readonly commands: CommandClient,
    private readonly authenticator: Authenticator,
  ) {}

  /** `GET /admin/gift-cards`: `{ gift_cards, count, offset, limit }` (`q` finds a code; 50 a page). */
  @Get()
  async list(@Req() request: FastifyRequest, @Query() query: ListGiftCardsQuery): Promise<GiftCardList> {
    await this.authenticator.adminId(request);
    return this.commands.request(CartCommands.listGiftCards, query);
  }

  /** `POST /admin/gift-cards` `{ region_id, value }`: `{ gift_card }` with its issued code and region. */
  @Post()
  @HttpCode(200)
  async create(@Req() request: FastifyRequest, @Body() body: CreateGiftCardRequest): Promise<GiftCardReply> {
    await this.authenticator.adminId(request);
    return this.commands.request(CartCommands.createGiftCard, body);
  }
}
