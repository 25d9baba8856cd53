import { Body, Controller, Delete, Get, HttpCode, Param, Post, Req } from '@nestjs/common';
import {
  AddLineItemRequest,
  AddShippingMethodRequest,
  CartCommands,
  CartReply,
  CreateCartRequest,
  GiftCardReply,
  ShippingOptionList,
  UpdateCartRequest,
  UpdateLineItemRequest,
} from '@app/contracts';
import { CommandClient } from '@app/platform';
import { FastifyRequest } from 'fastify';
import { preferredLocale } from '../http/accept-language';
import { PublishableKeys } from '../sales-channels/publishable-keys';

/** Medusa v1 store carts (payment sessions and completion come with their issues), and gift cards. */
@Controller('store')
export class CartsController {
  constructor(
    private readonly commands: CommandClient,
    private readonly keys: PublishableKeys,
  ) {}

  /** A new cart, in the sales channel asked for or the storefront key's (else the store's default). */
  @Post('carts')
  @HttpCode(200)
  async create(@Body() body: CreateCartRequest, @Req() request: FastifyRequest): Promise<CartReply> {
    const locale = preferredLocale(request.headers['accept-language']);
    const request_context = {
      ip: request.ip,
      user_agent: request.headers['user-agent'] ?? null,
      // The shopper's language, for pages a provider hosts (the cashier's display_locale).
      ...(locale ? { locale } : {}),
    };
    const sales_channel_id = await this.keys.cartChannel(request, body.sales_channel_id);
    return this.commands.request(CartCommands.create, { ...body, sales_channel_id, request_context });
  }

  @Get('carts/:id')
  get(@Param('id') cart_id: string): Promise<CartReply> {
    return this.commands.request(CartCommands.get, { cart_id });
  }

  @Post('carts/:id')
  @HttpCode(200)
  async update(
    @Param('id') cart_id: string,
    @Body() body: UpdateCartRequest,
    @Req() request: FastifyRequest,
  ): Promise<CartReply> {
    if (body.sales_channel_id !== undefined) await this.keys.cartChannel(request, body.sales_channel_id);
    return this.commands.request(CartCommands.update, { ...body, cart_id });
  }

  @Post('carts/:id/line-items')
  @HttpCode(200)
  addLineItem(@Param('id') cart_id: string, @Body() body: AddLineItemRequest): Promise<CartReply> {
    return this.commands.request(CartCommands.addLineItem, { ...body, cart_id });
  }

  @Post('carts/:id/line-items/:line_id')
  @HttpCode(200)
  updateLineItem(
    @Param('id') cart_id: string,
    @Param('line_id') line_id: string,
    @Body() body: UpdateLineItemRequest,
  ): Promise<CartReply> {
    return this.commands.request(CartCommands.updateLineItem, { ...body, cart_id, line_id });
  }

  @Delete('carts/:id/line-items/:line_id')
  deleteLineItem(@Param('id') cart_id: string, @Param('line_id') line_id: string): Promise<CartReply> {
    return this.commands.request(CartCommands.deleteLineItem, { cart_id, line_id });
  }

  @Post('carts/:id/shipping-methods')
  @HttpCode(200)
  addShippingMethod(
    @Param('id') cart_id: string,
    @Body() body: AddShippingMethodRequest,
  ): Promise<CartReply> {
    return this.commands.request(CartCommands.addShippingMethod, { ...body, cart_id });
  }

  @Post('carts/:id/taxes')
  @HttpCode(200)
  calculateTaxes(@Param('id') cart_id: string): Promise<CartReply> {
    return this.commands.request(CartCommands.calculateTaxes, { cart_id });
  }

  @Delete('carts/:id/discounts/:code')
  removeDiscount(@Param('id') cart_id: string, @Param('code') code: string): Promise<CartReply> {
    return this.commands.request(CartCommands.removeDiscount, { cart_id, code });
  }

  @Get('shipping-options/:cart_id')
  shippingOptions(@Param('cart_id') cart_id: string): Promise<ShippingOptionList> {
    return this.commands.request(CartCommands.listShippingOptions, { cart_id });
  }

  @Get('gift-cards/:code')
  giftCard(@Param('code') code: string): Promise<GiftCardReply> {
    return this.commands.request(CartCommands.getGiftCard, { code });
  }
}
