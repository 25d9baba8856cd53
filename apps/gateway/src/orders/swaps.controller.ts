import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { CreateSwapRequest, OrderCommands, SwapReply } from '@app/contracts';
import { CommandClient } from '@app/platform';

/** Medusa's store swaps: an order's fulfilled items exchanged for new ones through a swap's cart. */
@Controller('store/swaps')
export class SwapsController {
  constructor(private readonly commands: CommandClient) {}

  /**
   * `POST /store/swaps` `{ order_id, return_items, additional_items, return_shipping_option? }`:
   * `{ swap }` with its `cart_id` — a cart of type `swap` to complete (paying a positive difference)
   * and its requested return. Once per Idempotency-Key.
   */
  @Post()
  @HttpCode(200)
  create(@Body() body: CreateSwapRequest): Promise<SwapReply> {
    return this.commands.request(OrderCommands.createSwap, body);
  }

  /** `GET /store/swaps/{cart_id}`: the swap of a swap's cart. */
  @Get(':cart_id')
  get(@Param('cart_id') cart_id: string): Promise<SwapReply> {
    return this.commands.request(OrderCommands.getSwapByCart, { cart_id });
  }
}
