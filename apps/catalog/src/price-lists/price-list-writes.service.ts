import { Injectable } from '@nestjs/common';
import {
  CatalogEvents,
  CreatePriceListRequest,
  DeletedReply,
  PriceListChanges,
  PriceListPriceInput,
  UpdatePriceListRequest,
} from '@app/contracts';
import { DomainError, newId, Outbox, upsertRows } from '@app/platform';
import { EntityManager } from 'typeorm';
import { priceRows } from '../pricing/price-rows';
import { replaceLinks, updateGiven } from '../sql/row-writes';

const COLUMNS = ['name', 'description', 'type', 'status', 'starts_at', 'ends_at', 'includes_tax'] as const;

/**
 * The merchant's price lists (Medusa v1 admin): sales and overrides, for everyone or for customer
 * groups, between dates. Carts price lines when they change, and orders keep the prices they were
 * placed at, so a list's change reaches open carts at their next change and never a placed order.
 * Each write is one transaction with `events.catalog.price-list-*` through the outbox.
 */
@Injectable()
export class PriceListWrites {
  constructor(private readonly outbox: Outbox) {}

  async create(manager: EntityManager, request: CreatePriceListRequest, id = newId('pl')): Promise<string> {
    checkDates(request);
    await upsertRows(manager, 'catalog.price_list', [
      {
        id,
        name: request.name,
        description: request.description,
        type: request.type,
        status: request.status ?? 'draft',
        starts_at: request.starts_at ?? null,
        ends_at: request.ends_at ?? null,
        includes_tax: request.includes_tax ?? false,
      },
    ]);
    await this.setGroups(manager, id, request.customer_groups);
    await this.addPrices(manager, id, request.prices);
    await this.outbox.record(manager, CatalogEvents.priceListCreated, { id }, { price_list_id: id });
    return id;
  }

  async update(manager: EntityManager, request: UpdatePriceListRequest): Promise<string> {
    const current = await this.lock(manager, request.id);
    checkDates({ starts_at: current.starts_at, ends_at: current.ends_at, ...request });
    await updateGiven(manager, 'catalog.price_list', request.id, request, COLUMNS);
    await this.setGroups(manager, request.id, request.customer_groups);
    await this.addPrices(manager, request.id, request.prices ?? []);
    await this.changed(manager, request.id);
    return request.id;
  }

  /** Deletes a list and its prices (softly); deleting twice answers the same. */
  async delete(manager: EntityManager, id: string): Promise<DeletedReply> {
    const [list] = await manager.query(
      `WITH deleted AS (UPDATE catalog.price_list SET deleted_at = now(), updated_at = now()
                        WHERE id = $1 AND deleted_at IS NULL RETURNING id)
       SELECT id FROM deleted`,
      [id],
    );
    if (list) {
      await manager.query(
        'UPDATE catalog.money_amount SET deleted_at = now() WHERE price_list_id = $1 AND deleted_at IS NULL',
        [id],
      );
      await this.outbox.record(manager, CatalogEvents.priceListDeleted, { id }, { price_list_id: id });
    }
    return { id, object: 'price-list', deleted: true };
  }

  /** Adds prices to a list; `override` first removes every price it had. */
  async batchAdd(
    manager: EntityManager,
    id: string,
    prices: PriceListPriceInput[],
    override = false,
  ): Promise<void> {
    await this.lock(manager, id);
    if (override) {
      await manager.query(
        'UPDATE catalog.money_amount SET deleted_at = now() WHERE price_list_id = $1 AND deleted_at IS NULL',
        [id],
      );
    }
    await this.addPrices(manager, id, prices);
    await this.changed(manager, id);
  }

  /** Removes prices of the list by id (others' ids are ignored); answers the ids removed. */
  async batchDelete(manager: EntityManager, id: string, priceIds: string[]): Promise<string[]> {
    await this.lock(manager, id);
    const removed: { id: string }[] = await manager.query(
      `WITH removed AS (UPDATE catalog.money_amount SET deleted_at = now()
                        WHERE price_list_id = $1 AND id = ANY($2) AND deleted_at IS NULL RETURNING id)
       SELECT id FROM removed`,
      [id, priceIds],
    );
    await this.changed(manager, id);
    return removed.map((row) => row.id);
  }

  private async addPrices(manager: EntityManager, id: string, prices: PriceListPriceInput[]): Promise<void> {
    if (!prices.length) return;
    const variantIds = [...new Set(prices.map((price) => price.variant_id))];
    const known: { id: string }[] = await manager.query(
      'SELECT id FROM catalog.product_variant WHERE id = ANY($1) AND deleted_at IS NULL',
      [variantIds],
    );
    const missing = variantIds.filter((variantId) => !known.some((row) => row.id === variantId));
    if (missing.length) throw DomainError.notFound(`Variants with ids ${missing.join(', ')} were not found`);
    const rows = await priceRows(manager, prices);
    await upsertRows(
      manager,
      'catalog.money_amount',
      rows.map((row, index) => ({
        ...row,
        id: newId('ma'),
        variant_id: prices[index].variant_id,
        price_list_id: id,
      })),
    );
  }

  private async setGroups(
    manager: EntityManager,
    id: string,
    groups: { id: string }[] | undefined,
  ): Promise<void> {
    if (!groups) return;
    const ids = [...new Set(groups.map((group) => group.id))];
    await replaceLinks(
      manager,
      'catalog.price_list_customer_groups',
      'price_list_id',
      id,
      'customer_group_id',
      ids,
    );
  }

  private async lock(
    manager: EntityManager,
    id: string,
  ): Promise<{ starts_at: string | null; ends_at: string | null }> {
    const [list] = await manager.query(
      'SELECT starts_at, ends_at FROM catalog.price_list WHERE id = $1 AND deleted_at IS NULL FOR UPDATE',
      [id],
    );
    if (!list) throw DomainError.notFound(`Price list with id: ${id} was not found`);
    return list;
  }

  private changed(manager: EntityManager, id: string) {
    return this.outbox.record(manager, CatalogEvents.priceListUpdated, { id }, { price_list_id: id });
  }
}

function checkDates(list: Pick<PriceListChanges, 'starts_at' | 'ends_at'>): void {
  if (list.starts_at && list.ends_at && new Date(list.ends_at) <= new Date(list.starts_at)) {
    throw DomainError.invalidData('A price list’s ends_at must be after its starts_at');
  }
}
