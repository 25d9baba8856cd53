import { Injectable } from '@nestjs/common';
import { AdminPriceInput, ImportPrice, ImportProduct, ImportVariant, ProductFields } from '@app/contracts';
import { DomainError } from '@app/platform';
import { EntityManager } from 'typeorm';
import { ProductWrites } from '../admin-products/product-writes.service';
import { VariantWrites } from '../admin-products/variant-writes.service';
import { PresaleOfferWrites } from '../presale/presale-offer-writes.service';
import { ImportLoader } from './import-loader';
import { regionIdByName } from './store-setup.loaders';

/**
 * Products, by handle, with their variants by SKU: a new product is created whole (options,
 * variants, prices, stock, presale offers) as `POST /admin/products` creates it; an existing one gets
 * the document's fields, links and prices, and its new variants. Variants the document leaves out
 * stay, and an existing variant's stock is left to inventory adjustments: loading a document again
 * never undoes the sales made since.
 */
@Injectable()
export class ProductLoader implements ImportLoader<ImportProduct> {
  readonly type = ImportProduct;
  constructor(
    private readonly products: ProductWrites,
    private readonly variants: VariantWrites,
    private readonly presale: PresaleOfferWrites,
  ) {}

  key(entry: ImportProduct) {
    return entry.handle;
  }

  async find(manager: EntityManager, entry: ImportProduct) {
    const [row] = await manager.query(
      `SELECT id FROM catalog.product WHERE (id = $2 OR handle = $1) AND deleted_at IS NULL
       ORDER BY id = $2 DESC NULLS LAST LIMIT 1`,
      [entry.handle, entry.id ?? null],
    );
    return row?.id as string | undefined;
  }

  async create(manager: EntityManager, entry: ImportProduct) {
    const ids = { product: entry.id, variants: entry.variants.map((variant) => variant.id) };
    const id = await this.products.create(
      manager,
      {
        ...(await this.fields(manager, entry)),
        title: entry.title,
        is_giftcard: entry.is_giftcard,
        options: (entry.options ?? []).map((title) => ({ title })),
        variants: await Promise.all(
          entry.variants.map(async (variant) => ({
            ...this.variantFields(variant),
            options: (variant.options ?? []).map((value) => ({ value })),
            prices: await this.prices(manager, variant.prices),
            inventory_quantity: variant.inventory_quantity,
          })),
        ),
      },
      ids,
    );
    await this.presaleOffers(manager, id, entry.variants);
  }

  async update(manager: EntityManager, id: string, entry: ImportProduct) {
    await this.products.update(manager, { ...(await this.fields(manager, entry)), id });
    const options: { id: string; title: string }[] = await manager.query(
      'SELECT id, title FROM catalog.product_option WHERE product_id = $1 AND deleted_at IS NULL ORDER BY rank, id',
      [id],
    );
    const titles = entry.options ?? [];
    if (titles.length !== options.length || titles.some((title, index) => options[index].title !== title)) {
      throw DomainError.invalidData(
        `Product ${entry.handle} has the options ${options.map((option) => option.title).join(', ') || 'none'}: an import cannot change them`,
      );
    }
    const known: { id: string; sku: string }[] = await manager.query(
      'SELECT id, sku FROM catalog.product_variant WHERE product_id = $1 AND deleted_at IS NULL',
      [id],
    );
    let rank = known.length;
    for (const variant of entry.variants) {
      const prices = await this.prices(manager, variant.prices);
      const existing = known.find((candidate) => candidate.sku === variant.sku);
      if (existing) {
        await this.variants.update(manager, id, existing.id, { ...this.variantFields(variant), prices });
      } else {
        const values = (variant.options ?? []).map((value) => ({ value }));
        const input = { ...this.variantFields(variant), options: values, prices };
        await this.variants.insert(
          manager,
          id,
          options.map((option) => option.id),
          { ...input, inventory_quantity: variant.inventory_quantity },
          rank,
          variant.id,
        );
        rank += 1;
      }
    }
    await this.presaleOffers(manager, id, entry.variants);
  }

  /** The product's own fields and links, with handles and values resolved to what the admin routes take. */
  private async fields(manager: EntityManager, entry: ImportProduct): Promise<ProductFields> {
    let collection_id: string | undefined;
    if (entry.collection) {
      const [collection] = await manager.query(
        'SELECT id FROM catalog.product_collection WHERE handle = $1 AND deleted_at IS NULL',
        [entry.collection],
      );
      if (!collection) throw DomainError.notFound(`Collection with handle ${entry.collection} was not found`);
      collection_id = collection.id;
    }
    const handles = entry.categories ?? [];
    const categories: { id: string; handle: string }[] = await manager.query(
      'SELECT id, handle FROM catalog.product_category WHERE handle = ANY($1)',
      [handles],
    );
    const missing = handles.filter((handle) => !categories.some((category) => category.handle === handle));
    if (missing.length)
      throw DomainError.notFound(`Categories with handles ${missing.join(', ')} were not found`);
    return {
      title: entry.title,
      handle: entry.handle,
      subtitle: entry.subtitle,
      description: entry.description,
      status: entry.status ?? 'published',
      discountable: entry.discountable,
      images: entry.images,
      thumbnail: entry.thumbnail,
      collection_id,
      type: entry.type ? { value: entry.type } : undefined,
      tags: entry.tags?.map((value) => ({ value })),
      categories: entry.categories && categories.map((category) => ({ id: category.id })),
      weight: entry.weight,
      material: entry.material,
      origin_country: entry.origin_country,
      metadata: entry.metadata,
    };
  }

  private variantFields(variant: ImportVariant) {
    return {
      title: variant.title,
      sku: variant.sku,
      allow_backorder: variant.allow_backorder,
      manage_inventory: variant.manage_inventory,
    };
  }

  /** Prices with regions named resolved to their ids. */
  private async prices(manager: EntityManager, prices: ImportPrice[]): Promise<AdminPriceInput[]> {
    return Promise.all(
      prices.map(async ({ region, ...price }) =>
        region ? { ...price, region_id: await regionIdByName(manager, region) } : price,
      ),
    );
  }

  /** The presale offers of the variants that have one (their sold count kept). */
  private async presaleOffers(manager: EntityManager, productId: string, variants: ImportVariant[]) {
    for (const variant of variants) {
      if (!variant.presale) continue;
      const [row] = await manager.query(
        'SELECT id FROM catalog.product_variant WHERE product_id = $1 AND sku = $2 AND deleted_at IS NULL',
        [productId, variant.sku],
      );
      const { balance_opens_at, balance_closes_at, expect_arrival_time, ...offer } = variant.presale;
      await this.presale.set(manager, row.id, {
        ...offer,
        balance_opens_at: dateOf(balance_opens_at),
        balance_closes_at: dateOf(balance_closes_at),
        expect_arrival_time: expect_arrival_time && dateOf(expect_arrival_time),
      });
    }
  }
}

/** An ISO 8601 date as given, or `P<n>D`: that many days from now (when the entry is loaded). */
function dateOf(value: string): string {
  const days = /^P(\d+)D$/.exec(value);
  return days ? new Date(Date.now() + Number(days[1]) * 24 * 3600 * 1000).toISOString() : value;
}
