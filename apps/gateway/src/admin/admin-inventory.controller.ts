import { Body, Controller, Get, HttpCode, Param, Post, Req } from '@nestjs/common';
import { CatalogCommands, InventoryAdjustment, VariantInventoryReply } from '@app/contracts';
import { CommandClient } from '@app/platform';
import { FastifyRequest } from 'fastify';
import { Authenticator } from '../auth/authenticator.service';

/**
 * A variant's stock for the merchant: levels, open reservations and the last adjustments; and an
 * adjustment by a delta with its reason (never below what is reserved), once per Idempotency-Key.
 */
@Controller('admin/variants/:id/inventory')
export class AdminInventoryController {
  constructor(
    private readonly commands: CommandClient,
    private readonly authenticator: Authenticator,
  ) {}

  @Get()
  async get(@Req() request: FastifyRequest, @Param('id') id: string): Promise<VariantInventoryReply> {
    await this.authenticator.adminId(request);
    return this.commands.request(CatalogCommands.variantInventory, { variant_id: id });
  }

  @Post()
  @HttpCode(200)
  async adjust(
    @Req() request: FastifyRequest,
    @Param('id') id: string,
    @Body() body: InventoryAdjustment,
  ): Promise<VariantInventoryReply> {
    await this.authenticator.adminId(request);
    return this.commands.request(CatalogCommands.adjustInventory, { ...body, variant_id: id });
  }
}
