import { Injectable } from '@nestjs/common';
import { ImportCategory, ImportCollection, ImportRegion, ImportShippingOption } from '@app/contracts';
import { DomainError } from '@app/platform';
import { EntityManager } from 'typeorm';
import { RegionCreation } from '../regions/region-creation.service';
import { RegionUpdate } from '../regions/region-update.service';
import { ShippingOptionWrites } from '../shipping/shipping-option-writes.service';
import { storeShippingProfile } from '../shipping/shipping-profiles';
import { TaxonomyWrites } from '../taxonomy/taxonomy-writes.service';
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
    const [fixed] = entry.id
      ? await manager.query('SELECT id FROM catalog.region WHERE id = $1 AND deleted_at IS NULL', [entry.id])
      : [];
    return (fixed?.id as string | undefined) ?? regionIdByName(manager, entry.name).catch(() => undefined);
  }

  async create(manager: EntityManager, entry: ImportRegion) {
    await this.creation.create(manager, entry, entry.id);
  }

  async update(manager: EntityManager, id: string, entry: ImportRegion) {
    await this.updates.update(manager, { ...entry, id });
  }
}

/** Collections, by handle, through the merchant's collection writes. */
@Injectable()
export class CollectionLoader implements ImportLoader<ImportCollection> {
  readonly type = ImportCollection;
  constructor(private readonly taxonomy: TaxonomyWrites) {}

  key(entry: ImportCollection) {
    return entry.handle;
  }

  async find(manager: EntityManager, entry: ImportCollection) {
    const [row] = await manager.query(
      `SELECT id FROM catalog.product_collection WHERE (id = $2 OR handle = $1) AND deleted_at IS NULL
       ORDER BY id = $2 DESC NULLS LAST LIMIT 1`,
      [entry.handle, entry.id ?? null],
    );
    return row?.id as string | undefined;
  }

  async create(manager: EntityManager, entry: ImportCollection) {
    await this.taxonomy.createCollection(manager, { title: entry.title, handle: entry.handle }, entry.id);
  }

  async update(manager: EntityManager, id: string, entry: ImportCollection) {
    await this.taxonomy.updateCollection(manager, id, { title: entry.title });
  }
}

/**
 * Categories, by handle, under the parent named by its handle (listed before, or already in the
 * store), through the merchant's category writes (a new parent moves the subtree).
 */
@Injectable()
export class CategoryLoader implements ImportLoader<ImportCategory> {
  readonly type = ImportCategory;
  constructor(private readonly taxonomy: TaxonomyWrites) {}

  key(entry: ImportCategory) {
    return entry.handle;
  }

  async find(manager: EntityManager, entry: ImportCategory) {
    const [row] = await manager.query(
      'SELECT id FROM catalog.product_category WHERE id = $2 OR handle = $1 ORDER BY id = $2 DESC NULLS LAST LIMIT 1',
      [entry.handle, entry.id ?? null],
    );
    return row?.id as string | undefined;
  }

  async create(manager: EntityManager, entry: ImportCategory) {
    await this.taxonomy.createCategory(manager, await this.fields(manager, entry), entry.id);
  }

  async update(manager: EntityManager, id: string, entry: ImportCategory) {
    await this.taxonomy.updateCategory(manager, id, await this.fields(manager, entry));
  }

  private async fields(manager: EntityManager, entry: ImportCategory) {
    let parent_category_id: string | null = null;
    if (entry.parent) {
      const [parent] = await manager.query('SELECT id FROM catalog.product_category WHERE handle = $1', [
        entry.parent,
      ]);
      if (!parent) throw DomainError.notFound(`Parent category with handle ${entry.parent} was not found`);
      parent_category_id = parent.id;
    }
    const { parent: _parent, id: _id, ...fields } = entry;
    return {
      ...fields,
      description: entry.description ?? '',
      is_active: entry.is_active ?? true,
      is_internal: entry.is_internal ?? false,
      rank: entry.rank ?? 0,
      parent_category_id,
    };
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
       WHERE (so.id = $3 OR r.name = $1 AND so.name = $2) AND r.deleted_at IS NULL AND so.deleted_at IS NULL
       ORDER BY so.id = $3 DESC NULLS LAST, so.created_at LIMIT 1`,
      [entry.region, entry.name, entry.id ?? null],
    );
    return row?.id as string | undefined;
  }

  async create(manager: EntityManager, entry: ImportShippingOption) {
    const region_id = await regionIdByName(manager, entry.region);
    const [first] = await manager.query(
      'SELECT provider_id FROM catalog.region_fulfillment_providers WHERE region_id = $1 ORDER BY provider_id LIMIT 1',
      [region_id],
    );
    await this.writes.create(
      manager,
      {
        name: entry.name,
        region_id,
        provider_id: entry.provider_id ?? first?.provider_id ?? '',
        price_type: 'flat_rate',
        amount: entry.amount,
        is_return: entry.is_return,
        admin_only: entry.admin_only,
        requirements: entry.requirements,
        profile_id: await storeShippingProfile(manager, entry.profile ?? 'default'),
        data: entry.data,
      },
      entry.id,
    );
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
