import { Body, Controller, Get, HttpCode, Post, Query, UseGuards } from '@nestjs/common';
import {
  CartCommands,
  CreateGiftCardRequest,
  GiftCardList,
  GiftCardReply,
  ListGiftCardsQuery,
} from '@app/contracts';
import { CommandClient } from '@app/platform';
import { AdminGuard } from '../auth/admin.guard';

/** The merchant's gift cards (Medusa v1 admin): issue one for a region and value, list them. */
@UseGuards(AdminGuard)
@Controller('admin/gift-cards')
export class AdminGiftCardsController {
  constructor(private readonly commands: CommandClient) {}

  /** `GET /admin/gift-cards`: `{ gift_cards, count, offset, limit }` (`q` finds a code; 50 a page). */
  @Get()
  async list(@Query() query: ListGiftCardsQuery): Promise<GiftCardList> {
    return this.commands.request(CartCommands.listGiftCards, query);
  }

  /** `POST /admin/gift-cards` `{ region_id, value }`: `{ gift_card }` with its issued code and region. */
  @Post()
  @HttpCode(200)
  async create(@Body() body: CreateGiftCardRequest): Promise<GiftCardReply> {
    return this.commands.request(CartCommands.createGiftCard, body);
  }
}
