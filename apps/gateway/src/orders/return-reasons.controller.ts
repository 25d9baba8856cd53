import { Body, Controller, Get, HttpCode, Param, Post, Req } from '@nestjs/common';
import { CreateReturnReasonRequest, OrderCommands, ReturnReason } from '@app/contracts';
import { CommandClient } from '@app/platform';
import { FastifyRequest } from 'fastify';
import { Authenticator } from '../auth/authenticator.service';

/** Medusa's return reasons: the store reads them; the merchant (admin sign-in) lists and adds them. */
@Controller()
export class ReturnReasonsController {
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
