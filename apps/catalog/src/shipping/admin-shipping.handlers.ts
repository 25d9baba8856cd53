import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  AdminListShippingOptionsQuery,
  AdminShippingOptionList,
  CatalogCommands,
  CreateShippingOptionRequest,
  PricedShippingOption,
  ShippingOptionReply,
} from '@app/contracts';
import { Idempotency, PreparedStatements } from '@app/platform';
import { adminShippingOptionListQuery } from './shipping-option.sql';
import { ShippingOptionWrites } from './shipping-option-writes.service';

/** The merchant's shipping options: list them all, create one (once per Idempotency-Key). */
@Controller()
export class AdminShippingHandlers {
  constructor(
    private readonly writes: ShippingOptionWrites,
    private readonly idempotency: Idempotency,
    private readonly db: PreparedStatements,
  ) {}

  @MessagePattern(CatalogCommands.adminListShippingOptions.subject)
  async list(@Payload() query: AdminListShippingOptionsQuery): Promise<AdminShippingOptionList> {
    const rows = await this.db.rows<{ option: PricedShippingOption }>(adminShippingOptionListQuery(query));
    return { shipping_options: rows.map((row) => row.option), count: rows.length };
  }

  @MessagePattern(CatalogCommands.createShippingOption.subject)
  create(@Payload() request: CreateShippingOptionRequest): Promise<ShippingOptionReply> {
    return this.idempotency.run(CatalogCommands.createShippingOption.subject, request, async (manager) => ({
      shipping_option: await this.writes.create(manager, request),
    }));
  }
}
