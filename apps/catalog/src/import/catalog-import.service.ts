import { Injectable } from '@nestjs/common';
import { IMPORT_SECTIONS, ImportCounts, ImportReport, ImportSection } from '@app/contracts';
import { DomainError, errorFromPostgres, validatePlain } from '@app/platform';
import { createHash } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { entryLines } from './document-lines';
import { ImportLoader } from './import-loader';
import { PriceListLoader } from './price-list.loader';
import { ProductLoader } from './product.loader';
import { ProductTagLoader, ProductTypeLoader } from './product-value.loaders';
import { CategoryLoader, CollectionLoader, RegionLoader, ShippingOptionLoader } from './store-setup.loaders';

type Outcome = 'created' | 'updated' | 'unchanged';

const counts = (): ImportCounts =>
  Object.fromEntries(IMPORT_SECTIONS.map((section) => [section, 0])) as ImportCounts;

/**
 * Loads a catalog document (see `ImportCatalogRequest`): its sections in order — regions,
 * collections, categories, product types and tags, products, shipping options, price lists — each entry in its own transaction, matched
 * to the store by its key. An entry whose digest is the one last loaded under its key, and whose
 * record still exists, is unchanged: loading a document twice changes nothing the second time. An
 * entry that fails (bad fields, unknown references, a SKU another product has) is refused with the
 * line it starts on and why, and nothing of it is written; the others load.
 */
@Injectable()
export class CatalogImport {
  private readonly loaders: Record<ImportSection, ImportLoader<object>>;

  constructor(
    private readonly dataSource: DataSource,
    regions: RegionLoader,
    collections: CollectionLoader,
    categories: CategoryLoader,
    productTypes: ProductTypeLoader,
    productTags: ProductTagLoader,
    products: ProductLoader,
    shippingOptions: ShippingOptionLoader,
    priceLists: PriceListLoader,
  ) {
    this.loaders = {
      regions,
      collections,
      categories,
      product_types: productTypes,
      product_tags: productTags,
      products,
      shipping_options: shippingOptions,
      price_lists: priceLists,
    } as Record<ImportSection, ImportLoader<object>>;
  }

  /** Loads `text`; with `force`, every entry is loaded again, even one whose digest is unchanged. */
  async run(text: string, { force = false }: { force?: boolean } = {}): Promise<ImportReport> {
    const document = parse(text);
    const lines = entryLines(text);
    const report: ImportReport = { created: counts(), updated: counts(), unchanged: counts(), refused: [] };
    for (const section of IMPORT_SECTIONS) {
      const entries = (document[section] ?? []) as unknown[];
      for (const [index, plain] of entries.entries()) {
        const line = lines.get(section)?.[index] ?? 1;
        const named = plain as { name?: unknown; handle?: unknown };
        let key =
          typeof named?.handle === 'string'
            ? named.handle
            : typeof named?.name === 'string'
              ? named.name
              : null;
        try {
          const loader = this.loaders[section];
          const entry = validatePlain(loader.type, plain);
          key = loader.key(entry);
          const outcome = await this.dataSource.transaction((manager) =>
            this.load(manager, section, loader, entry, force),
          );
          report[outcome][section] += 1;
        } catch (error) {
          const refusal = error instanceof DomainError ? error : errorFromPostgres(error);
          if (!(refusal instanceof DomainError)) throw error;
          report.refused.push({ section, key, line, reason: refusal.message });
        }
      }
    }
    return report;
  }

  private async load(
    manager: EntityManager,
    section: ImportSection,
    loader: ImportLoader<object>,
    entry: object,
    force: boolean,
  ): Promise<Outcome> {
    const key = loader.key(entry);
    const digest = createHash('sha256').update(JSON.stringify(entry)).digest('hex');
    const id = await loader.find(manager, entry);
    if (id) {
      const [last] = await manager.query(
        'SELECT digest FROM catalog.import_entry WHERE section = $1 AND key = $2 FOR UPDATE',
        [section, key],
      );
      if (last?.digest === digest && !force) return 'unchanged';
      await loader.update(manager, id, entry);
    } else {
      await loader.create(manager, entry);
    }
    await manager.query(
      `INSERT INTO catalog.import_entry (section, key, digest) VALUES ($1, $2, $3)
       ON CONFLICT (section, key) DO UPDATE SET digest = EXCLUDED.digest, loaded_at = now()`,
      [section, key, digest],
    );
    return id ? 'updated' : 'created';
  }
}

/** The document as an object of known sections, each an array; 400 otherwise, before anything loads. */
function parse(text: string): Record<string, unknown> {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    throw DomainError.invalidData(`The catalog document is not JSON: ${(error as Error).message}`);
  }
  if (typeof document !== 'object' || document === null || Array.isArray(document)) {
    throw DomainError.invalidData('The catalog document must be an object of sections');
  }
  const unknown = Object.keys(document).filter(
    (key) => !(IMPORT_SECTIONS as readonly string[]).includes(key),
  );
  if (unknown.length) {
    throw DomainError.invalidData(
      `Unknown sections ${unknown.join(', ')}: a catalog document has ${IMPORT_SECTIONS.join(', ')}`,
    );
  }
  for (const [section, entries] of Object.entries(document)) {
    if (!Array.isArray(entries)) throw DomainError.invalidData(`Section ${section} must be an array`);
  }
  return document as Record<string, unknown>;
}
