import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query, Req } from '@nestjs/common';
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
import { FastifyRequest } from 'fastify';
import { Authenticator } from '../auth/authenticator.service';

/**
 * The merchant's shipping options (Medusa v1 admin): list and read them, create a flat-rate one for a
 * region (a return option with `is_return`), change its price, name and requirements, delete it.
 */
@Controller('admin/shipping-options')
export class AdminShippingOptionsController {
  constructor(
    private readonly commands: CommandClient,
    private readonly authenticator: Authenticator,
  ) {}

  /** `GET /admin/shipping-options`: `{ shipping_options, count }` (`region_id`, `is_return`, `admin_only`). */
  @Get()
  async list(
    @Req() request: FastifyRequest,
    @Query() query: AdminListShippingOptionsQuery,
  ): Promise<AdminShippingOptionList> {
    await this.authenticator.adminId(request);
    return this.commands.request(CatalogCommands.adminListShippingOptions, query);
  }

  /** `POST /admin/shipping-options`: `{ shipping_option }`; once per Idempotency-Key. */
  @Post()
  @HttpCode(200)
  async create(
    @Req() request: FastifyRequest,
    @Body() body: CreateShippingOptionRequest,
  ): Promise<ShippingOptionReply> {
    await this.authenticator.adminId(request);
    return this.commands.request(CatalogCommands.createShippingOption, body);
  }

  @Get(':id')
  async get(@Req() request: FastifyRequest, @Param('id') id: string): Promise<ShippingOptionReply> {
    await this.authenticator.adminId(request);
    return this.commands.request(CatalogCommands.adminGetShippingOption, { id });
  }

  /** `POST /admin/shipping-options/{id}`: `{ shipping_option }`. */
  @Post(':id')
  @HttpCode(200)
  async update(
    @Req() request: FastifyRequest,
    @Param('id') id: string,
    @Body() body: ShippingOptionChanges,
  ): Promise<ShippingOptionReply> {
    await this.authenticator.adminId(request);
    return this.commands.request(CatalogCommands.updateShippingOption, { ...body, id });
  }

  @Delete(':id')
  async delete(@Req() request: FastifyRequest, @Param('id') id: string): Promise<DeletedReply> {
    await this.authenticator.adminId(request);
    return this.commands.request(CatalogCommands.deleteShippingOption, { id });
  }
}
