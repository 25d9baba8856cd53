import { Body, Controller, Get, HttpCode, Param, Post, Req } from '@nestjs/common';
import {
  CreateReturnReasonRequest,
  CreateReturnRequest,
  OrderCommands,
  ReceiveReturnRequest,
  ReturnReason,
  ReturnView,
} from '@app/contracts';
import { CommandClient } from '@app/platform';
import { FastifyRequest } from 'fastify';
import { Authenticator } from '../auth/authenticator.service';

/**
 * Medusa's returns and return reasons: the store asks for returns and reads the reasons; the merchant
 * (admin sign-in) receives returns and lists and adds reasons.
 */
@Controller()
export class ReturnsController {
  constructor(
    private readonly commands: CommandClient,
    private readonly authenticator: Authenticator,
  ) {}

  /** `GET /store/return-reasons`: the top-level reasons, each with its children. */
  @Get('store/return-reasons')
  list(): Promise<{ return_reasons: ReturnReason[] }> {
    return this.commands.request(OrderCommands.listReturnReasons, {});
  }

  /** `GET /store/return-reasons/{id}`: one, with its parent and children. */
  @Get('store/return-reasons/:id')
  get(@Param('id') id: string): Promise<{ return_reason: ReturnReason }> {
    return this.commands.request(OrderCommands.getReturnReason, { id });
  }

  /**
   * `POST /store/returns` `{ order_id, items: [{ item_id, quantity, reason_id, note }], return_shipping }`:
   * `{ return }`, requested; its `refund_amount` the items' worth less the return shipping.
   */
  @Post('store/returns')
  @HttpCode(200)
  createReturn(@Body() body: CreateReturnRequest): Promise<{ return: ReturnView }> {
    return this.commands.request(OrderCommands.createReturn, body);
  }

  /** `POST /admin/returns/{id}/receive` `{ items: [{ item_id, quantity }], refund? }`: `{ return }`, received. */
  @Post('admin/returns/:id/receive')
  @HttpCode(200)
  async receive(
    @Req() request: FastifyRequest,
    @Param('id') return_id: string,
    @Body() body: ReceiveReturnRequest,
  ): Promise<{ return: ReturnView }> {
    await this.authenticator.adminId(request);
    return this.commands.request(OrderCommands.receiveReturn, { ...body, return_id });
  }

  @Get('admin/return-reasons')
  async adminList(@Req() request: FastifyRequest): Promise<{ return_reasons: ReturnReason[] }> {
    await this.authenticator.adminId(request);
    return this.commands.request(OrderCommands.listReturnReasons, {});
  }

  /** `POST /admin/return-reasons` `{ value, label, description?, parent_return_reason_id? }`: `{ return_reason }`. */
  @Post('admin/return-reasons')
  @HttpCode(200)
  async create(
    @Req() request: FastifyRequest,
    @Body() body: CreateReturnReasonRequest,
  ): Promise<{ return_reason: ReturnReason }> {
    await this.authenticator.adminId(request);
    return this.commands.request(OrderCommands.createReturnReason, body);
  }
}
