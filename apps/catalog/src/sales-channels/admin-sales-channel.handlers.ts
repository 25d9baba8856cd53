import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  AdminSearchQuery,
  CatalogCommands,
  ChannelProductsRequest,
  CreateSalesChannelRequest,
  DeletedReply,
  KeyChannelsRequest,
  PublishableApiKey,
  PublishableApiKeyList,
  PublishableApiKeyReply,
  PublishableKeyActorRef,
  PublishableKeyRef,
  PublishableKeyWrite,
  SalesChannel,
  SalesChannelList,
  SalesChannelReply,
  UpdateSalesChannelRequest,
} from '@app/contracts';
import { DomainError, Idempotency, PreparedStatements, SqlQuery } from '@app/platform';
import { EntityManager } from 'typeorm';
import {
  adminSearchQuery,
  channelByIdQuery,
  keyByIdQuery,
  keyChannelsQuery,
} from './admin-sales-channel.sql';
import { PublishableKeyWrites } from './publishable-key-writes.service';
import { SalesChannelWrites } from './sales-channel-writes.service';

/** Medusa's default page size of the sales channel and publishable key lists. */
const PAGE_SIZE = 20;

/**
 * The merchant's sales channel and publishable key commands: writes run once per Idempotency-Key and
 * answer the channel or key as it then is.
 */
@Controller()
export class AdminSalesChannelHandlers {
  constructor(
    private readonly channels: SalesChannelWrites,
    private readonly keys: PublishableKeyWrites,
    private readonly idempotency: Idempotency,
    private readonly db: PreparedStatements,
  ) {}

  @MessagePattern(CatalogCommands.listSalesChannels.subject)
  async listChannels(@Payload() query: AdminSearchQuery): Promise<SalesChannelList> {
    const { records, ...page } = await this.page<SalesChannel>('sales_channel', query);
    return { sales_channels: records, ...page };
  }

  @MessagePattern(CatalogCommands.getSalesChannel.subject)
  async getChannel(@Payload() ref: PublishableKeyRef): Promise<SalesChannelReply> {
    return {
      sales_channel: await this.read(
        channelByIdQuery(ref.id),
        `Sales channel with id ${ref.id} was not found`,
      ),
    };
  }

  @MessagePattern(CatalogCommands.createSalesChannel.subject)
  createChannel(@Payload() request: CreateSalesChannelRequest): Promise<SalesChannelReply> {
    return this.idempotency.run(CatalogCommands.createSalesChannel.subject, request, async (manager) =>
      this.channelIn(manager, await this.channels.create(manager, request)),
    );
  }

  @MessagePattern(CatalogCommands.updateSalesChannel.subject)
  updateChannel(@Payload() { id, ...changes }: UpdateSalesChannelRequest): Promise<SalesChannelReply> {
    return this.idempotency.run(
      CatalogCommands.updateSalesChannel.subject,
      { id, ...changes },
      async (manager) => this.channelIn(manager, await this.channels.update(manager, id, changes)),
    );
  }

  @MessagePattern(CatalogCommands.deleteSalesChannel.subject)
  deleteChannel(@Payload() ref: PublishableKeyRef): Promise<DeletedReply> {
    return this.idempotency.run(CatalogCommands.deleteSalesChannel.subject, ref, (manager) =>
      this.channels.delete(manager, ref.id),
    );
  }

  @MessagePattern(CatalogCommands.addChannelProducts.subject)
  addProducts(@Payload() request: ChannelProductsRequest): Promise<SalesChannelReply> {
    const ids = request.product_ids.map((product) => product.id);
    return this.idempotency.run(CatalogCommands.addChannelProducts.subject, request, async (manager) =>
      this.channelIn(manager, await this.channels.addProducts(manager, request.id, ids)),
    );
  }

  @MessagePattern(CatalogCommands.removeChannelProducts.subject)
  removeProducts(@Payload() request: ChannelProductsRequest): Promise<SalesChannelReply> {
    const ids = request.product_ids.map((product) => product.id);
    return this.idempotency.run(CatalogCommands.removeChannelProducts.subject, request, async (manager) =>
      this.channelIn(manager, await this.channels.removeProducts(manager, request.id, ids)),
    );
  }

  @MessagePattern(CatalogCommands.listPublishableKeys.subject)
  async listKeys(@Payload() query: AdminSearchQuery): Promise<PublishableApiKeyList> {
    const { records, ...page } = await this.page<PublishableApiKey>('publishable_api_key', query);
    return { publishable_api_keys: records, ...page };
  }

  @MessagePattern(CatalogCommands.getPublishableKey.subject)
  async getKey(@Payload() ref: PublishableKeyRef): Promise<PublishableApiKeyReply> {
    return {
      publishable_api_key: await this.read(
        keyByIdQuery(ref.id),
        `PublishableApiKey with id: ${ref.id} was not found`,
      ),
    };
  }

  @MessagePattern(CatalogCommands.publishableKeyChannels.subject)
  async keyChannels(@Payload() ref: PublishableKeyRef): Promise<{ sales_channels: SalesChannel[] }> {
    await this.getKey(ref);
    const rows = await this.db.rows<{ record: SalesChannel }>(keyChannelsQuery(ref.id));
    return { sales_channels: rows.map((row) => row.record) };
  }

  /** Creates a key (no `id`) or renames one. */
  @MessagePattern(CatalogCommands.writePublishableKey.subject)
  writeKey(@Payload() request: PublishableKeyWrite): Promise<PublishableApiKeyReply> {
    return this.idempotency.run(CatalogCommands.writePublishableKey.subject, request, async (manager) =>
      this.keyIn(
        manager,
        request.id
          ? await this.keys.rename(manager, request.id, request.title)
          : await this.keys.create(manager, request.title, request.actor_id),
      ),
    );
  }

  @MessagePattern(CatalogCommands.revokePublishableKey.subject)
  revokeKey(@Payload() ref: PublishableKeyActorRef): Promise<PublishableApiKeyReply> {
    return this.idempotency.run(CatalogCommands.revokePublishableKey.subject, ref, async (manager) =>
      this.keyIn(manager, await this.keys.revoke(manager, ref.id, ref.actor_id)),
    );
  }

  @MessagePattern(CatalogCommands.deletePublishableKey.subject)
  deleteKey(@Payload() ref: PublishableKeyRef): Promise<DeletedReply> {
    return this.idempotency.run(CatalogCommands.deletePublishableKey.subject, ref, (manager) =>
      this.keys.delete(manager, ref.id),
    );
  }

  @MessagePattern(CatalogCommands.addKeyChannels.subject)
  addKeyChannels(@Payload() request: KeyChannelsRequest): Promise<PublishableApiKeyReply> {
    const ids = request.sales_channel_ids.map((channel) => channel.id);
    return this.idempotency.run(CatalogCommands.addKeyChannels.subject, request, async (manager) =>
      this.keyIn(manager, await this.keys.addChannels(manager, request.id, ids)),
    );
  }

  @MessagePattern(CatalogCommands.removeKeyChannels.subject)
  removeKeyChannels(@Payload() request: KeyChannelsRequest): Promise<PublishableApiKeyReply> {
    const ids = request.sales_channel_ids.map((channel) => channel.id);
    return this.idempotency.run(CatalogCommands.removeKeyChannels.subject, request, async (manager) =>
      this.keyIn(manager, await this.keys.removeChannels(manager, request.id, ids)),
    );
  }

  private async page<T>(table: 'sales_channel' | 'publishable_api_key', query: AdminSearchQuery) {
    const offset = query.offset ?? 0;
    const limit = query.limit ?? PAGE_SIZE;
    const rows = await this.db.rows<{ record: T; total: number }>(
      adminSearchQuery(table, query, offset, limit),
    );
    let count = rows[0]?.total ?? 0;
    if (!rows.length && offset > 0) {
      count = (await this.db.rows<{ total: number }>(adminSearchQuery(table, query, 0, 1)))[0]?.total ?? 0;
    }
    return { records: rows.map((row) => row.record), count, offset, limit };
  }

  private async read<T>(query: SqlQuery, missing: string): Promise<T> {
    const [row] = await this.db.rows<{ record: T }>(query);
    if (!row) throw DomainError.notFound(missing);
    return row.record;
  }

  private async channelIn(manager: EntityManager, id: string): Promise<SalesChannelReply> {
    const query = channelByIdQuery(id);
    const [row] = await manager.query(query.text, query.values);
    return { sales_channel: row.record };
  }

  private async keyIn(manager: EntityManager, id: string): Promise<PublishableApiKeyReply> {
    const query = keyByIdQuery(id);
    const [row] = await manager.query(query.text, query.values);
    return { publishable_api_key: row.record };
  }
}
