import { Body, Controller, Get, HttpCode, Param, Post, Query, Req } from '@nestjs/common';
import {
  PageQuery,
  PointsAdjustmentRequest,
  PointsCommands,
  PointsMovementReply,
  PointsReply,
} from '@app/contracts';
import { CommandClient, currentRequestContext } from '@app/platform';
import { FastifyRequest } from 'fastify';
import { randomUUID } from 'node:crypto';
import { Authenticator } from '../auth/authenticator.service';

/** The points ledger: the customer's own balance and entries, and the merchant's adjustments. */
@Controller()
export class PointsController {
  constructor(
    private readonly commands: CommandClient,
    private readonly authenticator: Authenticator,
  ) {}

  /** `GET /store/customers/me/points`: `{ balance, entries, count, offset, limit }`. */
  @Get('store/customers/me/points')
  async mine(@Req() request: FastifyRequest, @Query() query: PageQuery): Promise<PointsReply> {
    const customer_id = await this.authenticator.customerId(request);
    return this.commands.request(PointsCommands.get, { ...query, customer_id });
  }

  /**
   * `POST /admin/customers/{id}/points` `{ delta, reason }`: adjusts a customer's balance (never
   * below zero), once per `Idempotency-Key` when the request has one.
   */
  @Post('admin/customers/:id/points')
  @HttpCode(200)
  async adjust(
    @Req() request: FastifyRequest,
    @Param('id') customer_id: string,
    @Body() body: PointsAdjustmentRequest,
  ): Promise<PointsMovementReply> {
    await this.authenticator.adminId(request);
    const key = currentRequestContext()?.idempotencyKey;
    return this.commands.request(PointsCommands.move, {
      customer_id,
      key: `adjust:${key ?? randomUUID()}`,
      type: 'adjust',
      points: body.delta,
      reason: body.reason,
    });
  }
}
