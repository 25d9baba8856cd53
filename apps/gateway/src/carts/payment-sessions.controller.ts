import { Body, Controller, Delete, HttpCode, Param, Post } from '@nestjs/common';
import {
  CartCommands,
  CartReply,
  SelectPaymentSessionRequest,
  UpdatePaymentSessionRequest,
} from '@app/contracts';
import { CommandClient } from '@app/platform';

/** Medusa v1's payment-session routes of a cart. */
@Controller('store/carts/:id')
export class PaymentSessionsController {
  constructor(private readonly commands: CommandClient) {}

  @Post('payment-sessions')
  @HttpCode(200)
  create(@Param('id') cart_id: string): Promise<CartReply> {
    return this.commands.request(CartCommands.createPaymentSessions, { cart_id });
  }

  @Post('payment-session')
  @HttpCode(200)
  select(@Param('id') cart_id: string, @Body() body: SelectPaymentSessionRequest): Promise<CartReply> {
    return this.commands.request(CartCommands.selectPaymentSession, { ...body, cart_id });
  }

  @Post('payment-sessions/:provider_id')
  @HttpCode(200)
  update(
    @Param('id') cart_id: string,
    @Param('provider_id') provider_id: string,
    @Body() body: UpdatePaymentSessionRequest,
  ): Promise<CartReply> {
    return this.commands.request(CartCommands.updatePaymentSession, { ...body, cart_id, provider_id });
  }

  @Post('payment-sessions/:provider_id/refresh')
  @HttpCode(200)
  refresh(@Param('id') cart_id: string, @Param('provider_id') provider_id: string): Promise<CartReply> {
    return this.commands.request(CartCommands.refreshPaymentSession, { cart_id, provider_id });
  }

  @Delete('payment-sessions/:provider_id')
  remove(@Param('id') cart_id: string, @Param('provider_id') provider_id: string): Promise<CartReply> {
    return this.commands.request(CartCommands.deletePaymentSession, { cart_id, provider_id });
  }
}
