import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query, UseGuards } from '@nestjs/common';
import {
  AdminListShippingOptionsQuery,
  AdminShippingOptionList,
  CatalogCommands,
  CreateShippingOptionRequest,
  DeletedReply,
  ShippingOptionChanges,
  ShippingOptionReply,
} from '@app/contracts';
import { CommandClient } from '@app/platform';
import { AdminGuard } from '../auth/admin.guard';

/**
 * The merchant's shipping options (Medusa v1 admin): list and read them, create a flat-rate one for a
 * region (a return option with `is_return`), change its price, name and requirements, delete it.
 */
@UseGuards(AdminGuard)
@Controller('admin/shipping-options')
export class AdminShippingOptionsController {
  constructor(private readonly commands: CommandClient) {}

  /** `GET /admin/shipping-options`: `{ shipping_options, count }` (`region_id`, `is_return`, `admin_only`). */
  @Get()
  async list(@Query() query: AdminListShippingOptionsQuery): Promise<AdminShippingOptionList> {
    return this.commands.request(CatalogCommands.adminListShippingOptions, query);
  }

  /** `POST /admin/shipping-options`: `{ shipping_option }`; once per Idempotency-Key. */
  @Post()
  @HttpCode(200)
  async create(@Body() body: CreateShippingOptionRequest): Promise<ShippingOptionReply> {
    return this.commands.request(CatalogCommands.createShippingOption, body);
  }

  @Get(':id')
  async get(@Param('id') id: string): Promise<ShippingOptionReply> {
    return this.commands.request(CatalogCommands.adminGetShippingOption, { id });
  }

  /** `POST /admin/shipping-options/{id}`: `{ shipping_option }`. */
  @Post(':id')
  @HttpCode(200)
  async update(@Param('id') id: string, @Body() body: ShippingOptionChanges): Promise<ShippingOptionReply> {
    return this.commands.request(CatalogCommands.updateShippingOption, { ...body, id });
  }

  @Delete(':id')
  async delete(@Param('id') id: string): Promise<DeletedReply> {
    return this.commands.request(CatalogCommands.deleteShippingOption, { id });
  }
}
