import { Injectable } from '@nestjs/common';
import { CatalogEvents, DeletedReply } from '@app/contracts';
import { DomainError, newId, Outbox } from '@app/platform';
import { EntityManager } from 'typeorm';

/**
 * The merchant's publishable API keys (Medusa v1 admin): created, renamed, revoked (a revoked key
 * is refused from then on), deleted, and the sales channels they scope a storefront to. Each write
 * records `events.catalog.publishable-key-changed`, on which the gateway forgets what it knew of the key.
 */
@Injectable()
export class PublishableKeyWrites {
  constructor(private readonly outbox: Outbox) {}

  async create(manager: EntityManager, title: string, actorId: string): Promise<string> {
    const id = newId('pk');
    await manager.query(
      'INSERT INTO catalog.publishable_api_key (id, title, created_by) VALUES ($1, $2, $3)',
      [id, title, actorId],
    );
    return this.changed(manager, id);
  }

  async rename(manager: EntityManager, id: string, title: string): Promise<string> {
    await this.lock(manager, id);
    await manager.query(
      'UPDATE catalog.publishable_api_key SET title = $2, updated_at = now() WHERE id = $1',
      [id, title],
    );
    return this.changed(manager, id);
  }

  /** Revokes a key for good; revoking it again changes nothing (Medusa refuses; the result is the same). */
  async revoke(manager: EntityManager, id: string, actorId: string): Promise<string> {
    await this.lock(manager, id);
    await manager.query(
      `UPDATE catalog.publishable_api_key SET revoked_at = now(), revoked_by = $2, updated_at = now()
       WHERE id = $1 AND revoked_at IS NULL`,
      [id, actorId],
    );
    return this.changed(manager, id);
  }

  async delete(manager: EntityManager, id: string): Promise<DeletedReply> {
    const deleted = await manager.query(
      'WITH deleted AS (DELETE FROM catalog.publishable_api_key WHERE id = $1 RETURNING id) SELECT id FROM deleted',
      [id],
    );
    if (deleted.length) await this.changed(manager, id);
    return { id, object: 'publishable_api_key', deleted: true };
  }

  /** Adds channels to the key's scope; 404 naming unknown channels, and none added. */
  async addChannels(manager: EntityManager, id: string, channelIds: string[]): Promise<string> {
    await this.lock(manager, id);
    const found: { id: string }[] = await manager.query(
      'SELECT id FROM catalog.sales_channel WHERE id = ANY($1) AND deleted_at IS NULL',
      [channelIds],
    );
    const missing = channelIds.filter((channelId) => !found.some((row) => row.id === channelId));
    if (missing.length)
      throw DomainError.notFound(`Sales channels with ids ${missing.join(', ')} were not found`);
    await manager.query(
      `INSERT INTO catalog.publishable_api_key_sales_channel (publishable_key_id, sales_channel_id)
       SELECT $1, unnest($2::text[]) ON CONFLICT DO NOTHING`,
      [id, channelIds],
    );
    return this.changed(manager, id);
  }

  async removeChannels(manager: EntityManager, id: string, channelIds: string[]): Promise<string> {
    await this.lock(manager, id);
    await manager.query(
      'DELETE FROM catalog.publishable_api_key_sales_channel WHERE publishable_key_id = $1 AND sales_channel_id = ANY($2)',
      [id, channelIds],
    );
    return this.changed(manager, id);
  }

  private async lock(manager: EntityManager, id: string): Promise<void> {
    const [found] = await manager.query(
      'SELECT id FROM catalog.publishable_api_key WHERE id = $1 FOR UPDATE',
      [id],
    );
    if (!found) throw DomainError.notFound(`PublishableApiKey with id: ${id} was not found`);
  }

  private async changed(manager: EntityManager, id: string): Promise<string> {
    await this.outbox.record(
      manager,
      CatalogEvents.publishableKeyChanged,
      { id },
      { publishable_key_id: id },
    );
    return id;
  }
}
