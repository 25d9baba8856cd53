import { Injectable } from '@nestjs/common';
import { ImportPriceList, PriceListPriceInput } from '@app/contracts';
import { DomainError } from '@app/platform';
import { EntityManager } from 'typeorm';
import { PriceListWrites } from '../price-lists/price-list-writes.service';
import { ImportLoader } from './import-loader';
import { regionIdByName } from './store-setup.loaders';

/**
 * Price lists, by name, through the merchant's price list writes: created whole, or their fields,
 * groups and prices replaced by the document's (a list loaded again holds exactly its prices).
 */
@Injectable()
export class PriceListLoader implements ImportLoader<ImportPriceList> {
  readonly type = ImportPriceList;
  constructor(private readonly writes: PriceListWrites) {}

  key(entry: ImportPriceList) {
    return entry.name;
  }

  async find(manager: EntityManager, entry: ImportPriceList) {
    const [row] = await manager.query(
      `SELECT id FROM catalog.price_list WHERE (id = $2 OR name = $1) AND deleted_at IS NULL
       ORDER BY id = $2 DESC NULLS LAST, created_at LIMIT 1`,
      [entry.name, entry.id ?? null],
    );
    return row?.id as string | undefined;
  }

  async create(manager: EntityManager, entry: ImportPriceList) {
    const { id, prices, customer_groups, ...fields } = entry;
    await this.writes.create(
      manager,
      {
        ...fields,
        customer_groups: customer_groups?.map((group) => ({ id: group })),
        prices: await this.prices(manager, prices),
      },
      id,
    );
  }

  async update(manager: EntityManager, id: string, entry: ImportPriceList) {
    const { id: _id, prices, customer_groups, ...fields } = entry;
    await this.writes.update(manager, {
      ...fields,
      id,
      starts_at: fields.starts_at ?? null,
      ends_at: fields.ends_at ?? null,
      customer_groups: (customer_groups ?? []).map((group) => ({ id: group })),
    });
    await this.writes.batchAdd(manager, id, await this.prices(manager, prices), true);
  }

  /** The document's prices with SKUs and region names resolved to ids (404 naming an unknown SKU). */
  private async prices(
    manager: EntityManager,
    prices: ImportPriceList['prices'],
  ): Promise<PriceListPriceInput[]> {
    const skus = [...new Set(prices.map((price) => price.sku))];
    const variants: { id: string; sku: string }[] = await manager.query(
      'SELECT id, sku FROM catalog.product_variant WHERE sku = ANY($1) AND deleted_at IS NULL',
      [skus],
    );
    const missing = skus.filter((sku) => !variants.some((variant) => variant.sku === sku));
    if (missing.length) throw DomainError.notFound(`Variants with SKUs ${missing.join(', ')} were not found`);
    const regions = new Map<string, string>();
    for (const name of new Set(prices.flatMap((price) => (price.region ? [price.region] : [])))) {
      regions.set(name, await regionIdByName(manager, name));
    }
    return prices.map(({ sku, region, ...price }) => ({
      ...price,
      ...(region ? { region_id: regions.get(region) } : {}),
      variant_id: variants.find((variant) => variant.sku === sku)!.id,
    }));
  }
}
