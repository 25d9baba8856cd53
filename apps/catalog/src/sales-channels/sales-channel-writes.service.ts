import { Injectable } from '@nestjs/common';
import { CatalogEvents, CreateSalesChannelRequest, DeletedReply, SalesChannelChanges } from '@app/contracts';
import { DomainError, newId, Outbox } from '@app/platform';
import { EntityManager } from 'typeorm';
import { CHANNEL_JSON } from './admin-sales-channel.sql';
import { updateGiven } from '../sql/row-writes';

/**
 * The merchant's sales channels (Medusa v1 admin): created, changed (a disabled channel takes no new
 * carts), deleted (never the store's default), and the products sold in them. Each write records
 * `events.catalog.sales-channel-changed`, on which carts forget their copy of the channel.
 */
@Injectable()
export class SalesChannelWrites {
  constructor(private readonly outbox: Outbox) {}

  async create(manager: EntityManager, request: CreateSalesChannelRequest): Promise<string> {
    const id = newId('sc');
    await manager.query(
      `INSERT INTO catalog.sales_channel (id, name, description, is_disabled, metadata) VALUES ($1, $2, $3, $4, $5)`,
      [
        id,
        request.name,
        request.description ?? null,
        request.is_disabled ?? false,
        request.metadata ? JSON.stringify(request.metadata) : null,
      ],
    );
    return this.changed(manager, id);
  }

  async update(manager: EntityManager, id: string, changes: SalesChannelChanges): Promise<string> {
    await this.lock(manager, id);
    await updateGiven(manager, 'catalog.sales_channel', id, changes, [
      'name',
      'description',
      'is_disabled',
      'metadata',
    ]);
    return this.changed(manager, id);
  }

  /** Deletes a channel (softly: carts and orders sold in it keep it); deleting twice answers the same. */
  async delete(manager: EntityManager, id: string): Promise<DeletedReply> {
    const [channel] = await manager.query(
      'SELECT is_default FROM catalog.sales_channel WHERE id = $1 AND deleted_at IS NULL FOR UPDATE',
      [id],
    );
    if (channel?.is_default) throw DomainError.notAllowed('You cannot delete the default sales channel');
    if (channel) {
      await manager.query(
        'UPDATE catalog.sales_channel SET deleted_at = now(), updated_at = now() WHERE id = $1',
        [id],
      );
      await this.changed(manager, id);
    }
    return { id, object: 'sales-channel', deleted: true };
  }

  /** Sells products in the channel; 404 naming unknown products, and none added. */
  async addProducts(manager: EntityManager, id: string, productIds: string[]): Promise<string> {
    await this.lock(manager, id);
    const found: { id: string }[] = await manager.query(
      'SELECT id FROM catalog.product WHERE id = ANY($1) AND deleted_at IS NULL',
      [productIds],
    );
    const missing = productIds.filter((productId) => !found.some((row) => row.id === productId));
    if (missing.length) throw DomainError.notFound(`Products with ids ${missing.join(', ')} were not found`);
    await manager.query(
      `INSERT INTO catalog.product_sales_channel (product_id, sales_channel_id)
       SELECT unnest($2::text[]), $1 ON CONFLICT DO NOTHING`,
      [id, productIds],
    );
    return this.changed(manager, id);
  }

  /** Stops selling products in the channel: carts of the channel can no longer add them. */
  async removeProducts(manager: EntityManager, id: string, productIds: string[]): Promise<string> {
    await this.lock(manager, id);
    await manager.query(
      'DELETE FROM catalog.product_sales_channel WHERE sales_channel_id = $1 AND product_id = ANY($2)',
      [id, productIds],
    );
    return this.changed(manager, id);
  }

  private async lock(manager: EntityManager, id: string): Promise<void> {
    const [found] = await manager.query(
      'SELECT id FROM catalog.sales_channel WHERE id = $1 AND deleted_at IS NULL FOR UPDATE',
      [id],
    );
    if (!found) throw DomainError.notFound(`Sales channel with id ${id} was not found`);
  }

  /** Records the change with the channel as it now is (null once deleted), for the carts' copies. */
  private async changed(manager: EntityManager, id: string): Promise<string> {
    const [current] = await manager.query(
      `SELECT ${CHANNEL_JSON} AS channel FROM catalog.sales_channel sc WHERE sc.id = $1 AND sc.deleted_at IS NULL`,
      [id],
    );
    await this.outbox.record(
      manager,
      CatalogEvents.salesChannelChanged,
      { id },
      { sales_channel_id: id, sales_channel: current?.channel ?? null },
    );
    return id;
  }
}
