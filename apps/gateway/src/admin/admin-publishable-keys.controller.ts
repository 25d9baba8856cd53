import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query, UseGuards } from '@nestjs/common';
import {
  AdminSearchQuery,
  CatalogCommands,
  DeletedReply,
  KeyChannelsBatch,
  PublishableApiKeyList,
  PublishableApiKeyReply,
  PublishableKeyTitle,
  SalesChannel,
} from '@app/contracts';
import { CommandClient } from '@app/platform';
import { AdminGuard, AdminId } from '../auth/admin.guard';

/**
 * The merchant's publishable API keys (Medusa v1 admin): list, read, create, rename, revoke, delete,
 * and the sales channels each scopes a storefront to. A revoked key is refused from then on.
 */
@UseGuards(AdminGuard)
@Controller('admin/publishable-api-keys')
export class AdminPublishableKeysController {
  constructor(private readonly commands: CommandClient) {}

  /** `GET /admin/publishable-api-keys`: `{ publishable_api_keys, count, offset, limit }`. */
  @Get()
  async list(@Query() query: AdminSearchQuery): Promise<PublishableApiKeyList> {
    return this.commands.request(CatalogCommands.listPublishableKeys, query);
  }

  @Get(':id')
  async get(@Param('id') id: string): Promise<PublishableApiKeyReply> {
    return this.commands.request(CatalogCommands.getPublishableKey, { id });
  }

  /** `GET /admin/publishable-api-keys/{id}/sales-channels`: `{ sales_channels }`. */
  @Get(':id/sales-channels')
  async channels(@Param('id') id: string): Promise<{ sales_channels: SalesChannel[] }> {
    return this.commands.request(CatalogCommands.publishableKeyChannels, { id });
  }

  @Post()
  @HttpCode(200)
  async create(
    @AdminId() actor_id: string,
    @Body() body: PublishableKeyTitle,
  ): Promise<PublishableApiKeyReply> {
    return this.commands.request(CatalogCommands.writePublishableKey, { title: body.title, actor_id });
  }

  @Post(':id')
  @HttpCode(200)
  async update(
    @AdminId() actor_id: string,
    @Param('id') id: string,
    @Body() body: PublishableKeyTitle,
  ): Promise<PublishableApiKeyReply> {
    return this.commands.request(CatalogCommands.writePublishableKey, { id, title: body.title, actor_id });
  }

  @Post(':id/revoke')
  @HttpCode(200)
  async revoke(@AdminId() actor_id: string, @Param('id') id: string): Promise<PublishableApiKeyReply> {
    return this.commands.request(CatalogCommands.revokePublishableKey, { id, actor_id });
  }

  @Delete(':id')
  async delete(@Param('id') id: string): Promise<DeletedReply> {
    return this.commands.request(CatalogCommands.deletePublishableKey, { id });
  }

  /** `POST /admin/publishable-api-keys/{id}/sales-channels/batch` `{ sales_channel_ids: [{ id }] }`. */
  @Post(':id/sales-channels/batch')
  @HttpCode(200)
  async addChannels(
    @Param('id') id: string,
    @Body() body: KeyChannelsBatch,
  ): Promise<PublishableApiKeyReply> {
    return this.commands.request(CatalogCommands.addKeyChannels, { ...body, id });
  }

  @Delete(':id/sales-channels/batch')
  async removeChannels(
    @Param('id') id: string,
    @Body() body: KeyChannelsBatch,
  ): Promise<PublishableApiKeyReply> {
    return this.commands.request(CatalogCommands.removeKeyChannels, { ...body, id });
  }
}
