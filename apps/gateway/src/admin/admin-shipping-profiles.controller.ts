import { Body, Controller, Delete, Get, HttpCode, Param, Post, UseGuards } from '@nestjs/common';
import {
  CatalogCommands,
  CreateShippingProfileRequest,
  DeletedReply,
  ShippingProfile,
  ShippingProfileChanges,
  ShippingProfileReply,
} from '@app/contracts';
import { CommandClient } from '@app/platform';
import { AdminGuard } from '../auth/admin.guard';

/**
 * The merchant's shipping profiles (Medusa v1 admin): list (`{ shipping_profiles }`, unpaged as in
 * Medusa), read, create, change (move products and options to it), delete a custom one.
 */
@UseGuards(AdminGuard)
@Controller('admin/shipping-profiles')
export class AdminShippingProfilesController {
  constructor(private readonly commands: CommandClient) {}

  @Get()
  async list(): Promise<{ shipping_profiles: ShippingProfile[] }> {
    return this.commands.request(CatalogCommands.listShippingProfiles, {});
  }

  @Get(':id')
  async get(@Param('id') id: string): Promise<ShippingProfileReply> {
    return this.commands.request(CatalogCommands.getShippingProfile, { id });
  }

  @Post()
  @HttpCode(200)
  async create(@Body() body: CreateShippingProfileRequest): Promise<ShippingProfileReply> {
    return this.commands.request(CatalogCommands.createShippingProfile, body);
  }

  @Post(':id')
  @HttpCode(200)
  async update(@Param('id') id: string, @Body() body: ShippingProfileChanges): Promise<ShippingProfileReply> {
    return this.commands.request(CatalogCommands.updateShippingProfile, { ...body, id });
  }

  @Delete(':id')
  async delete(@Param('id') id: string): Promise<DeletedReply> {
    return this.commands.request(CatalogCommands.deleteShippingProfile, { id });
  }
}
