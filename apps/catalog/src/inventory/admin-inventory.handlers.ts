import { Controller } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  AdjustInventoryRequest,
  CatalogCommands,
  VariantInventoryReply,
  VariantInventoryRequest,
} from '@app/contracts';
import { Idempotency } from '@app/platform';
import { DataSource } from 'typeorm';
import { InventoryAdjustments } from './inventory-adjustments.service';

/** The merchant's stock commands: a variant's stock, and adjustments by a delta (once per key). */
@Controller()
export class AdminInventoryHandlers {
  constructor(
    private readonly adjustments: InventoryAdjustments,
    private readonly idempotency: Idempotency,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  @MessagePattern(CatalogCommands.variantInventory.subject)
  async get(@Payload() request: VariantInventoryRequest): Promise<VariantInventoryReply> {
    return { variant: await this.adjustments.read(this.dataSource.manager, request.variant_id) };
  }

  @MessagePattern(CatalogCommands.adjustInventory.subject)
  adjust(@Payload() request: AdjustInventoryRequest): Promise<VariantInventoryReply> {
    return this.idempotency.run(CatalogCommands.adjustInventory.subject, request, async (manager) => ({
      variant: await this.adjustments.adjust(manager, request),
    }));
  }
}
