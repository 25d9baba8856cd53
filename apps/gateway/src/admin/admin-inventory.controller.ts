import { Body, Controller, Get, HttpCode, Param, Post, UseGuards } from '@nestjs/common';
import { CatalogCommands, InventoryAdjustment, VariantInventoryReply } from '@app/contracts';
import { CommandClient } from '@app/platform';
import { AdminGuard } from '../auth/admin.guard';

/**
 * A variant's stock for the merchant: levels, open reservations and the last adjustments; and an
 * adjustment by a delta with its reason (never below what is reserved), once per Idempotency-Key.
 */
@UseGuards(AdminGuard)
@Controller('admin/variants/:id/inventory')
export class AdminInventoryController {
  constructor(private readonly commands: CommandClient) {}

  @Get()
  async get(@Param('id') id: string): Promise<VariantInventoryReply> {
    return this.commands.request(CatalogCommands.variantInventory, { variant_id: id });
  }

  @Post()
  @HttpCode(200)
  async adjust(@Param('id') id: string, @Body() body: InventoryAdjustment): Promise<VariantInventoryReply> {
    return this.commands.request(CatalogCommands.adjustInventory, { ...body, variant_id: id });
  }
}
