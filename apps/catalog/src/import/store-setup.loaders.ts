import { Injectable } from '@nestjs/common';
import { ImportCategory, ImportCollection, ImportRegion, ImportShippingOption } from '@app/contracts';
import { DomainError, newId } from '@app/platform';
import { EntityManager } from 'typeorm';
import { RegionCreation } from '../regions/region-creation.service';
import { RegionUpdate } from '../regions/region-update.service';
import { ShippingOptionWrites } from '../shipping/shipping-option-writes.service';
import { ImportLoader } from './import-loader';

/** The id of the live region named `name` (404 naming it otherwise). */
export async function regionIdByName(manager: EntityManager, name: string): Promise<string> {
  const [region] = await manager.query(
    'SELECT id FROM catalog.region WHERE name = $1 AND deleted_at IS NULL ORDER BY created_at LIMIT 1',
    [name],
  );
  if (!region) throw DomainError.notFound(`Region named ${name} was not found`);
  return region.id;
}

/** Regions, by name: created, or their settings, countries and providers brought in line. */
@Injectable()
export class RegionLoader implements ImportLoader<ImportRegion> {
  readonly type = ImportRegion;
  constructor(
    private readonly creation: RegionCreation,
    private readonly updates: RegionUpdate,
  ) {}

  key(entry: ImportRegion) {
    return entry.name;
  }

  async find(manager: EntityManager, entry: ImportRegion) {
    return regionIdByName(manager, entry.name).catch(() => undefined);
  }

  async create(manager: EntityManager, entry: ImportRegion) {
    await this.creation.create(manager, entry);
  }

  async update(manager: EntityManager, id: string, entry: ImportRegion) {
    await this.updates.update(manager, { ...entry, id });
  }
}

/** Collections, by handle. */
@Injectable()
export class CollectionLoader implements ImportLoader<ImportCollection> {
  readonly type = ImportCollection;

  key(entry: ImportCollection) {
    return entry.handle;
  }

  async find(manager: EntityManager, entry: ImportCollection) {
    const [row] = await manager.query(
      'SELECT id FROM catalog.product_collection WHERE handle = $1 AND deleted_at IS NULL',
      [entry.handle],
    );
    return row?.id as string | undefined;
  }

  async create(manager: EntityManager, entry: ImportCollection) {
    await manager.query('INSERT INTO catalog.product_collection (id, title, handle) VALUES ($1, $2, $3)', [
      newId('pcol'),
      entry.title,
      entry.handle,
    ]);
  }

  async update(manager: EntityManager, id: string, entry: ImportCollection) {
    await manager.query(
      'UPDATE catalog.product_collection SET title = $2, updated_at = now() WHERE id = $1',
      [id, entry.title],
    );
  }
}

/** Categories, by handle, under the parent named by its handle (listed before, or already in the store). */
@Injectable()
export class CategoryLoader implements ImportLoader<ImportCategory> {
  readonly type = ImportCategory;

  key(entry: ImportCategory) {
    return entry.handle;
  }

  async find(manager: EntityManager, entry: ImportCategory) {
    const [row] = await manager.query('SELECT id FROM catalog.product_category WHERE handle = $1', [
      entry.handle,
    ]);
    return row?.id as string | undefined;
  }

  async create(manager: EntityManager, entry: ImportCategory) {
    const id = newId('pcat');
    const parent = await this.parent(manager, entry);
    await manager.query(
      `INSERT INTO catalog.product_category (id, name, handle, description, mpath, is_active, is_internal, rank, parent_category_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        id,
        ...this.fields(entry),
        parent ? `${parent.mpath}.${id}` : id,
        ...this.flags(entry),
        parent?.id ?? null,
      ],
    );
  }

  /** Moves the category (and its subtree) under the parent given; a parent inside its own subtree is refused. */
  async update(manager: EntityManager, id: string, entry: ImportCategory) {
    const parent = await this.parent(manager, entry);
    const [current] = await manager.query(
      'SELECT mpath FROM catalog.product_category WHERE id = $1 FOR UPDATE',
      [id],
    );
    if (parent && (parent.id === id || parent.mpath.startsWith(`${current.mpath}.`))) {
      throw DomainError.invalidData(
        `Category ${entry.handle} cannot be moved under its own subcategory ${entry.parent}`,
      );
    }
    const mpath = parent ? `${parent.mpath}.${id}` : id;
    await manager.query(
      `UPDATE catalog.product_category SET name = $2, description = $4, is_active = $5, is_internal = $6, rank = $7,
         parent_category_id = $8, updated_at = now()
       WHERE id = $1 AND handle = $3`,
      [id, ...this.fields(entry), ...this.flags(entry), parent?.id ?? null],
    );
    await manager.query(
      `UPDATE catalog.product_category SET mpath = $2 || substr(mpath, length($1) + 1)
       WHERE mpath = $1 OR mpath LIKE $1 || '.%'`,
      [current.mpath, mpath],
    );
  }

  private fields(entry: ImportCategory) {
    return [entry.name, entry.handle, entry.description ?? ''];
  }

  private flags(entry: ImportCategory) {
    return [entry.is_active ?? true, entry.is_internal ?? false, entry.rank ?? 0];
  }

  private async parent(manager: EntityManager, entry: ImportCategory) {
    if (!entry.parent) return undefined;
    const [parent] = await manager.query('SELECT id, mpath FROM catalog.product_category WHERE handle = $1', [
      entry.parent,
    ]);
    if (!parent) throw DomainError.notFound(`Parent category with handle ${entry.parent} was not found`);
    return parent as { id: string; mpath: string };
  }
}

/** Flat-rate shipping options, by region name and option name. */
@Injectable()
export class ShippingOptionLoader implements ImportLoader<ImportShippingOption> {
  readonly type = ImportShippingOption;
  constructor(private readonly writes: ShippingOptionWrites) {}

  key(entry: ImportShippingOption) {
    return `${entry.region}/${entry.name}`;
  }

  async find(manager: EntityManager, entry: ImportShippingOption) {
    const [row] = await manager.query(
      `SELECT so.id FROM catalog.shipping_option so JOIN catalog.region r ON r.id = so.region_id
       WHERE r.name = $1 AND r.deleted_at IS NULL AND so.name = $2 AND so.deleted_at IS NULL
       ORDER BY so.created_at LIMIT 1`,
      [entry.region, entry.name],
    );
    return row?.id as string | undefined;
  }

  async create(manager: EntityManager, entry: ImportShippingOption) {
    const region_id = await regionIdByName(manager, entry.region);
    const [first] = await manager.query(
      'SELECT provider_id FROM catalog.region_fulfillment_providers WHERE region_id = $1 ORDER BY provider_id LIMIT 1',
      [region_id],
    );
    await this.writes.create(manager, {
      name: entry.name,
      region_id,
      provider_id: entry.provider_id ?? first?.provider_id ?? '',
      price_type: 'flat_rate',
      amount: entry.amount,
      is_return: entry.is_return,
      admin_only: entry.admin_only,
      requirements: entry.requirements,
    });
  }

  /** The price, flags and requirements change; carts quote the option afresh when they next use it. */
  async update(manager: EntityManager, id: string, entry: ImportShippingOption) {
    await this.writes.update(manager, {
      id,
      amount: entry.amount,
      admin_only: entry.admin_only ?? false,
      requirements: entry.requirements ?? [],
    });
  }
}
