import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { InventoryCheck, ReservationReply, StockItem } from '@app/contracts';
import { DomainError, newId } from '@app/platform';
import { DataSource, EntityManager } from 'typeorm';

interface StockRow {
  variant_id: string;
  manage_inventory: boolean;
  allow_backorder: boolean;
  stocked_quantity: number;
  reserved_quantity: number;
}

type Held = Map<string, number>;

const insufficient = (variantId: string) =>
  new DomainError(
    'not_allowed',
    `Variant with id: ${variantId} does not have the required inventory`,
    'insufficient_inventory',
  );

/**
 * Stock as Medusa's inventory sees it: available = stocked − reserved. Variants that do not manage
 * inventory are always available and never reserved; backorderable ones may be reserved beyond
 * stock. Every change locks the variants' inventory rows in id order (no deadlocks), so under any
 * concurrency stock of other variants never goes below zero.
 */
@Injectable()
export class InventoryService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async check(items: StockItem[]): Promise<InventoryCheck> {
    const requested = totals(items);
    const stock = await this.stock(this.dataSource.manager, [...requested.keys()], false);
    return {
      items: [...requested].map(([variant_id, quantity]) => {
        const row = stock.get(variant_id) as StockRow;
        const available = row.manage_inventory ? row.stocked_quantity - row.reserved_quantity : null;
        const sufficient = available === null || row.allow_backorder || available >= quantity;
        return { variant_id, quantity, available, sufficient };
      }),
    };
  }

  /**
   * Makes `key` hold exactly `items` (reserving more, or giving back what is no longer asked for),
   * all or nothing. Idempotent: the same request again changes nothing; a key whose reservation was
   * already confirmed (sold) reserves nothing more.
   */
  async reserve(key: string, items: StockItem[]): Promise<ReservationReply> {
    if (await this.holdsNothingAndNeedsNothing(key, items)) return { reservation_key: key, items: [] };
    return this.dataSource.transaction(async (manager) => {
      const held = await this.held(manager, key);
      const sold = await this.sold(manager, key);
      if (sold.length) return { reservation_key: key, items: sold };
      const wanted = totals(items);
      const variants = [...new Set([...wanted.keys(), ...held.keys()])];
      const stock = await this.stock(manager, variants, true);
      for (const [variantId, quantity] of wanted) {
        const row = stock.get(variantId) as StockRow;
        const more = quantity - (held.get(variantId) ?? 0);
        if (
          row.manage_inventory &&
          !row.allow_backorder &&
          more > row.stocked_quantity - row.reserved_quantity
        ) {
          throw insufficient(variantId);
        }
      }
      for (const variantId of variants) {
        const row = stock.get(variantId) as StockRow;
        if (!row.manage_inventory) continue;
        await this.hold(manager, key, variantId, held.get(variantId) ?? 0, wanted.get(variantId) ?? 0);
      }
      const kept = [...wanted].filter(([variantId]) => stock.get(variantId)?.manage_inventory);
      return {
        reservation_key: key,
        items: kept.map(([variant_id, quantity]) => ({ variant_id, quantity })),
      };
    });
  }

  /** Gives back everything `key` holds. Idempotent. */
  release(key: string): Promise<ReservationReply> {
    return this.settle(key, 'released', 'reserved_quantity = reserved_quantity - $2');
  }

  /** Turns everything `key` holds into a sale: stocked and reserved both go down. Idempotent. */
  async confirm(key: string): Promise<ReservationReply> {
    if (await this.holdsNothingAndNeedsNothing(key, [])) return { reservation_key: key, items: [] };
    return this.settle(
      key,
      'confirmed',
      'reserved_quantity = reserved_quantity - $2, stocked_quantity = stocked_quantity - $2',
    );
  }

  /**
   * Puts back on the shelf what `key` sold (an order canceled before its payment was taken): stocked
   * goes up again, in `within`'s transaction when given. Idempotent: a key restocks once.
   */
  restock(key: string, within?: EntityManager): Promise<ReservationReply> {
    const run = <T>(work: (manager: EntityManager) => Promise<T>) =>
      within ? work(within) : this.dataSource.transaction(work);
    return run(async (manager) => {
      await manager.query("SELECT pg_advisory_xact_lock(hashtext('catalog.reservation:' || $1))", [key]);
      const sold = await this.sold(manager, key);
      await this.stock(
        manager,
        sold.map((item) => item.variant_id),
        true,
      );
      for (const item of sold) {
        await manager.query(
          'UPDATE catalog.inventory_level SET stocked_quantity = stocked_quantity + $2, updated_at = now() WHERE variant_id = $1',
          [item.variant_id, item.quantity],
        );
      }
      await manager.query(
        `UPDATE catalog.reservation SET status = 'restocked', updated_at = now() WHERE reservation_key = $1 AND status = 'confirmed'`,
        [key],
      );
      return { reservation_key: key, items: sold };
    });
  }

  /**
   * Puts a received return's units back on the shelf (variants whose inventory is managed), once per
   * key, locking the inventory rows in id order as every change does.
   */
  async returnStock(key: string, items: StockItem[]): Promise<ReservationReply> {
    const wanted = totals(items);
    return this.dataSource.transaction(async (manager) => {
      const [fresh] = await manager.query(
        `INSERT INTO catalog.stock_return (reservation_key, items) VALUES ($1, $2)
         ON CONFLICT DO NOTHING RETURNING reservation_key`,
        [key, JSON.stringify([...wanted].map(([variant_id, quantity]) => ({ variant_id, quantity })))],
      );
      const stock = await this.stock(manager, [...wanted.keys()], true);
      const managed = [...wanted].filter(([variantId]) => stock.get(variantId)?.manage_inventory);
      if (fresh) {
        for (const [variantId, quantity] of managed) {
          await manager.query(
            'UPDATE catalog.inventory_level SET stocked_quantity = stocked_quantity + $2, updated_at = now() WHERE variant_id = $1',
            [variantId, quantity],
          );
        }
      }
      return {
        reservation_key: key,
        items: managed.map(([variant_id, quantity]) => ({ variant_id, quantity })),
      };
    });
  }

  private async settle(
    key: string,
    status: 'released' | 'confirmed',
    change: string,
  ): Promise<ReservationReply> {
    return this.dataSource.transaction(async (manager) => {
      const held = await this.held(manager, key);
      await this.stock(manager, [...held.keys()], true);
      for (const [variantId, quantity] of held) {
        await manager.query(
          `UPDATE catalog.inventory_level SET ${change}, updated_at = now() WHERE variant_id = $1`,
          [variantId, quantity],
        );
      }
      await manager.query(
        `UPDATE catalog.reservation SET status = $2, updated_at = now() WHERE reservation_key = $1 AND status = 'reserved'`,
        [key, status],
      );
      return {
        reservation_key: key,
        items: [...held].map(([variant_id, quantity]) => ({ variant_id, quantity })),
      };
    });
  }

  /**
   * One read for the common case of goods whose stock is not managed (gift cards, digital goods):
   * the key holds and has sold nothing, and none of `items` manages inventory (all of them known), so
   * there is nothing to reserve or confirm. A key is driven by one checkout at a time, so nothing
   * else changes it meanwhile.
   */
  private async holdsNothingAndNeedsNothing(key: string, items: StockItem[]): Promise<boolean> {
    const variantIds = [...totals(items).keys()];
    const [row]: { known: number; managed: boolean; holding: boolean }[] = await this.dataSource.query(
      `SELECT count(v.id)::int AS known, coalesce(bool_or(v.manage_inventory), false) AS managed,
              EXISTS (SELECT 1 FROM catalog.reservation r
                      WHERE r.reservation_key = $1 AND r.status IN ('reserved', 'confirmed')) AS holding
       FROM catalog.product_variant v WHERE v.id = ANY($2) AND v.deleted_at IS NULL`,
      [key, variantIds],
    );
    return row.known === variantIds.length && !row.managed && !row.holding;
  }

  /** Moves the key's hold on one variant from `from` to `to` units. */
  private async hold(
    manager: EntityManager,
    key: string,
    variantId: string,
    from: number,
    to: number,
  ): Promise<void> {
    if (from === to) return;
    await manager.query(
      'UPDATE catalog.inventory_level SET reserved_quantity = reserved_quantity + $2, updated_at = now() WHERE variant_id = $1',
      [variantId, to - from],
    );
    if (to === 0) {
      await manager.query(
        `UPDATE catalog.reservation SET status = 'released', updated_at = now()
         WHERE reservation_key = $1 AND variant_id = $2 AND status = 'reserved'`,
        [key, variantId],
      );
    } else if (from > 0) {
      await manager.query(
        `UPDATE catalog.reservation SET quantity = $3, updated_at = now()
         WHERE reservation_key = $1 AND variant_id = $2 AND status = 'reserved'`,
        [key, variantId, to],
      );
    } else {
      await manager.query(
        `INSERT INTO catalog.reservation (id, reservation_key, variant_id, quantity, status) VALUES ($1, $2, $3, $4, 'reserved')`,
        [newId('res'), key, variantId, to],
      );
    }
  }

  /** What the key holds now; requests for the same key run one after the other. */
  private async held(manager: EntityManager, key: string): Promise<Held> {
    await manager.query("SELECT pg_advisory_xact_lock(hashtext('catalog.reservation:' || $1))", [key]);
    const rows: { variant_id: string; quantity: number }[] = await manager.query(
      `SELECT variant_id, quantity FROM catalog.reservation WHERE reservation_key = $1 AND status = 'reserved'`,
      [key],
    );
    return new Map(rows.map((row) => [row.variant_id, row.quantity]));
  }

  private async sold(
    manager: EntityManager,
    key: string,
  ): Promise<{ variant_id: string; quantity: number }[]> {
    return manager.query(
      `SELECT variant_id, sum(quantity)::int AS quantity FROM catalog.reservation
       WHERE reservation_key = $1 AND status = 'confirmed' GROUP BY variant_id ORDER BY variant_id`,
      [key],
    );
  }

  /** Stock of the variants (locking their inventory rows in id order when `lock`); not_found for unknown ones. */
  private async stock(
    manager: EntityManager,
    variantIds: string[],
    lock: boolean,
  ): Promise<Map<string, StockRow>> {
    if (lock && variantIds.length) {
      await manager.query(
        'SELECT variant_id FROM catalog.inventory_level WHERE variant_id = ANY($1) ORDER BY variant_id FOR UPDATE',
        [variantIds],
      );
    }
    const rows: StockRow[] = await manager.query(
      `SELECT v.id AS variant_id, v.manage_inventory, v.allow_backorder,
              COALESCE(l.stocked_quantity, 0) AS stocked_quantity, COALESCE(l.reserved_quantity, 0) AS reserved_quantity
       FROM catalog.product_variant v LEFT JOIN catalog.inventory_level l ON l.variant_id = v.id
       WHERE v.id = ANY($1) AND v.deleted_at IS NULL`,
      [variantIds],
    );
    const stock = new Map(rows.map((row) => [row.variant_id, row]));
    const missing = variantIds.find((id) => !stock.has(id));
    if (missing) throw DomainError.notFound(`Variant with id: ${missing} was not found`);
    return stock;
  }
}

/** Quantities per variant, lines of the same variant added up. */
function totals(items: StockItem[]): Map<string, number> {
  const totals = new Map<string, number>();
  for (const item of items) totals.set(item.variant_id, (totals.get(item.variant_id) ?? 0) + item.quantity);
  return totals;
}
