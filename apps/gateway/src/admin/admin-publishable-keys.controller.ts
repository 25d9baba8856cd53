import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query, Req } from '@nestjs/common';
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
import { FastifyRequest } from 'fastify';
import { Authenticator } from '../auth/authenticator.service';

/**
 * The merchant's publishable API keys (Medusa v1 admin): list, read, create, rename, revoke, delete,
 * and the sales channels each scopes a storefront to. A revoked key is refused from then on.
 */
@Controller('admin/publishable-api-keys')
export class AdminPublishableKeysController {
  constructor(
    private readonly commands: CommandClient,
    private readonly authenticator: Authenticator,
  ) {}

  /** `GET /admin/publishable-api-keys`: `{ publishable_api_keys, count, offset, limit }`. */
  @Get()
  async list(
    @Req() request: FastifyRequest,
    @Query() query: AdminSearchQuery,
  ): Promise<PublishableApiKeyList> {
    await this.authenticator.adminId(request);
    return this.commands.request(CatalogCommands.listPublishableKeys, query);
  }

  @Get(':id')
  async get(@Req() request: FastifyRequest, @Param('id') id: string): Promise<PublishableApiKeyReply> {
    await this.authenticator.adminId(request);
    return this.commands.request(CatalogCommands.getPublishableKey, { id });
  }

  /** `GET /admin/publishable-api-keys/{id}/sales-channels`: `{ sales_channels }`. */
  @Get(':id/sales-channels')
  async channels(
    @Req() request: FastifyRequest,
    @Param('id') id: string,
  ): Promise<{ sales_channels: SalesChannel[] }> {
    await this.authenticator.adminId(request);
    return this.commands.request(CatalogCommands.publishableKeyChannels, { id });
  }

  @Post()
  @HttpCode(200)
  async create(
    @Req() request: FastifyRequest,
    @Body() body: PublishableKeyTitle,
  ): Promise<PublishableApiKeyReply> {
    const actor_id = await this.authenticator.adminId(request);
    return this.commands.request(CatalogCommands.writePublishableKey, { title: body.title, actor_id });
  }

  @Post(':id')
  @HttpCode(200)
  async update(
    @Req() request: FastifyRequest,
    @Param('id') id: string,
    @Body() body: PublishableKeyTitle,
  ): Promise<PublishableApiKeyReply> {
    const actor_id = await this.authenticator.adminId(request);
    return this.commands.request(CatalogCommands.writePublishableKey, { id, title: body.title, actor_id });
  }

  @Post(':id/revoke')
  @HttpCode(200)
  async revoke(@Req() request: FastifyRequest, @Param('id') id: string): Promise<PublishableApiKeyReply> {
    const actor_id = await this.authenticator.adminId(request);
    return this.commands.request(CatalogCommands.revokePublishableKey, { id, actor_id });
  }

  @Delete(':id')
  async delete(@Req() request: FastifyRequest, @Param('id') id: string): Promise<DeletedReply> {
    await this.authenticator.adminId(request);
    return this.commands.request(CatalogCommands.deletePublishableKey, { id });
  }

  /** `POST /admin/publishable-api-keys/{id}/sales-channels/batch` `{ sales_channel_ids: [{ id }] }`. */
  @Post(':id/sales-channels/batch')
  @HttpCode(200)
  async addChannels(
    @Req() request: FastifyRequest,
    @Param('id') id: string,
    @Body() body: KeyChannelsBatch,
  ): Promise<PublishableApiKeyReply> {
    await this.authenticator.adminId(request);
    return this.commands.request(CatalogCommands.addKeyChannels, { ...body, id });
  }

  @Delete(':id/sales-channels/batch')
  async removeChannels(
    @Req() request: FastifyRequest,
    @Param('id') id: string,
    @Body() body: KeyChannelsBatch,
  ): Promise<PublishableApiKeyReply> {
    await this.authenticator.adminId(request);
    return this.commands.request(CatalogCommands.removeKeyChannels, { ...body, id });
  }
}
