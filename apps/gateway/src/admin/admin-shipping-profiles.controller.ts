import { Body, Controller, Delete, Get, HttpCode, Param, Post, Req } from '@nestjs/common';
import {
  CatalogCommands,
  CreateShippingProfileRequest,
  DeletedReply,
  ShippingProfile,
  ShippingProfileChanges,
  ShippingProfileReply,
} from '@app/contracts';
import { CommandClient } from '@app/platform';
import { FastifyRequest } from 'fastify';
import { Authenticator } from '../auth/authenticator.service';

/**
 * The merchant's shipping profiles (Medusa v1 admin): list (`{ shipping_profiles }`, unpaged as in
 * Medusa), read, create, change (move products and options to it), delete a custom one.
 */
@Controller('admin/shipping-profiles')
export class AdminShippingProfilesController {
  constructor(
    private readonly commands: CommandClient,
    private readonly authenticator: Authenticator,
  ) {}

  @Get()
  async list(@Req() request: FastifyRequest): Promise<{ shipping_profiles: ShippingProfile[] }> {
    await this.authenticator.adminId(request);
    return this.commands.request(CatalogCommands.listShippingProfiles, {});
  }

  @Get(':id')
  async get(@Req() request: FastifyRequest, @Param('id') id: string): Promise<ShippingProfileReply> {
    await this.authenticator.adminId(request);
    return this.commands.request(CatalogCommands.getShippingProfile, { id });
  }

  @Post()
  @HttpCode(200)
  async create(
    @Req() request: FastifyRequest,
    @Body() body: CreateShippingProfileRequest,
  ): Promise<ShippingProfileReply> {
    await this.authenticator.adminId(request);
    return this.commands.request(CatalogCommands.createShippingProfile, body);
  }

  @Post(':id')
  @HttpCode(200)
  async update(
    @Req() request: FastifyRequest,
    @Param('id') id: string,
    @Body() body: ShippingProfileChanges,
  ): Promise<ShippingProfileReply> {
    await this.authenticator.adminId(request);
    return this.commands.request(CatalogCommands.updateShippingProfile, { ...body, id });
  }

  @Delete(':id')
  async delete(@Req() request: FastifyRequest, @Param('id') id: string): Promise<DeletedReply> {
    await this.authenticator.adminId(request);
    return this.commands.request(CatalogCommands.deleteShippingProfile, { id });
  }
}
