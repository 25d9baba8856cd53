import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { DeclineOrderEditRequest, OrderCommands, OrderEditReply } from '@app/contracts';
import { CommandClient } from '@app/platform';

/**
 * Medusa's store order edits: the customer reads the edit the merchant asks them to confirm, then
 * confirms it (its payment collection authorized first when there is a difference to pay) or declines.
 */
@Controller('store/order-edits/:id')
export class OrderEditsController {
  constructor(private readonly commands: CommandClient) {}

  @Get()
  get(@Param('id') order_edit_id: string): Promise<OrderEditReply> {
    return this.commands.request(OrderCommands.getOrderEdit, { order_edit_id, store: true });
  }

  @Post('complete')
  @HttpCode(200)
  complete(@Param('id') order_edit_id: string): Promise<OrderEditReply> {
    return this.commands.request(OrderCommands.completeOrderEdit, { order_edit_id });
  }

  /** `POST /store/order-edits/{id}/decline` `{ declined_reason? }`. */
  @Post('decline')
  @HttpCode(200)
  decline(
    @Param('id') order_edit_id: string,
    @Body() body: DeclineOrderEditRequest,
  ): Promise<OrderEditReply> {
    return this.commands.request(OrderCommands.declineOrderEdit, { ...body, order_edit_id });
  }
}
