import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query, UseGuards } from '@nestjs/common';
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
import { AdminGuard } from '../auth/admin.guard';

/**
 * The merchant's sales channels (Medusa v1 admin): list, read, create, change (disable), delete (not
 * the default one), and add or remove the products sold in a channel in batches.
 */
@UseGuards(AdminGuard)
@Controller('admin/sales-channels')
export class AdminSalesChannelsController {
  constructor(private readonly commands: CommandClient) {}

  /** `GET /admin/sales-channels`: `{ sales_channels, count, offset, limit }`. */
  @Get()
  async list(@Query() query: AdminSearchQuery): Promise<SalesChannelList> {
    return this.commands.request(CatalogCommands.listSalesChannels, query);
  }

  @Get(':id')
  async get(@Param('id') id: string): Promise<SalesChannelReply> {
    return this.commands.request(CatalogCommands.getSalesChannel, { id });
  }

  @Post()
  @HttpCode(200)
  async create(@Body() body: CreateSalesChannelRequest): Promise<SalesChannelReply> {
    return this.commands.request(CatalogCommands.createSalesChannel, body);
  }

  @Post(':id')
  @HttpCode(200)
  async update(@Param('id') id: string, @Body() body: SalesChannelChanges): Promise<SalesChannelReply> {
    return this.commands.request(CatalogCommands.updateSalesChannel, { ...body, id });
  }

  @Delete(':id')
  async delete(@Param('id') id: string): Promise<DeletedReply> {
    return this.commands.request(CatalogCommands.deleteSalesChannel, { id });
  }

  /** `POST /admin/sales-channels/{id}/products/batch` `{ product_ids: [{ id }] }`: `{ sales_channel }`. */
  @Post(':id/products/batch')
  @HttpCode(200)
  async addProducts(@Param('id') id: string, @Body() body: ChannelProductsBatch): Promise<SalesChannelReply> {
    return this.commands.request(CatalogCommands.addChannelProducts, { ...body, id });
  }

  @Delete(':id/products/batch')
  async removeProducts(
    @Param('id') id: string,
    @Body() body: ChannelProductsBatch,
  ): Promise<SalesChannelReply> {
    return this.commands.request(CatalogCommands.removeChannelProducts, { ...body, id });
  }
}
