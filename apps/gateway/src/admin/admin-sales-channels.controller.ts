import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query, Req } from '@nestjs/common';
import {
  AdminSearchQuery,
  CatalogCommands,
  ChannelProductsBatch,
  CreateSalesChannelRequest,
  DeletedReply,
  SalesChannelChanges,
  SalesChannelList,
  SalesChannelReply,
} from '@app/contracts';
import { CommandClient } from '@app/platform';
import { FastifyRequest } from 'fastify';
import { Authenticator } from '../auth/authenticator.service';

/**
 * The merchant's sales channels (Medusa v1 admin): list, read, create, change (disable), delete (not
 * the default one), and add or remove the products sold in a channel in batches.
 */
@Controller('admin/sales-channels')
export class AdminSalesChannelsController {
  constructor(
    private readonly commands: CommandClient,
    private readonly authenticator: Authenticator,
  ) {}

  /** `GET /admin/sales-channels`: `{ sales_channels, count, offset, limit }`. */
  @Get()
  async list(@Req() request: FastifyRequest, @Query() query: AdminSearchQuery): Promise<SalesChannelList> {
    await this.authenticator.adminId(request);
    return this.commands.request(CatalogCommands.listSalesChannels, query);
  }

  @Get(':id')
  async get(@Req() request: FastifyRequest, @Param('id') id: string): Promise<SalesChannelReply> {
    await this.authenticator.adminId(request);
    return this.commands.request(CatalogCommands.getSalesChannel, { id });
  }

  @Post()
  @HttpCode(200)
  async create(
    @Req() request: FastifyRequest,
    @Body() body: CreateSalesChannelRequest,
  ): Promise<SalesChannelReply> {
    await this.authenticator.adminId(request);
    return this.commands.request(CatalogCommands.createSalesChannel, body);
  }

  @Post(':id')
  @HttpCode(200)
  async update(
    @Req() request: FastifyRequest,
    @Param('id') id: string,
    @Body() body: SalesChannelChanges,
  ): Promise<SalesChannelReply> {
    await this.authenticator.adminId(request);
    return this.commands.request(CatalogCommands.updateSalesChannel, { ...body, id });
  }

  @Delete(':id')
  async delete(@Req() request: FastifyRequest, @Param('id') id: string): Promise<DeletedReply> {
    await this.authenticator.adminId(request);
    return this.commands.request(CatalogCommands.deleteSalesChannel, { id });
  }

  /** `POST /admin/sales-channels/{id}/products/batch` `{ product_ids: [{ id }] }`: `{ sales_channel }`. */
  @Post(':id/products/batch')
  @HttpCode(200)
  async addProducts(
    @Req() request: FastifyRequest,
    @Param('id') id: string,
    @Body() body: ChannelProductsBatch,
  ): Promise<SalesChannelReply> {
    await this.authenticator.adminId(request);
    return this.commands.request(CatalogCommands.addChannelProducts, { ...body, id });
  }

  @Delete(':id/products/batch')
  async removeProducts(
    @Req() request: FastifyRequest,
    @Param('id') id: string,
    @Body() body: ChannelProductsBatch,
  ): Promise<SalesChannelReply> {
    await this.authenticator.adminId(request);
    return this.commands.request(CatalogCommands.removeChannelProducts, { ...body, id });
  }
}
