import { DataSource, EntityManager } from 'typeorm';
import { CountryEntity } from '../regions/country.entity';
import { CurrencyEntity } from '../regions/currency.entity';
import { FulfillmentProviderEntity, PaymentProviderEntity } from '../regions/provider.entity';
import { RegionEntity } from '../regions/region.entity';
import {
  DEMO_CURRENCIES,
  DEMO_FULFILLMENT_PROVIDERS,
  DEMO_PAYMENT_PROVIDERS,
  DEMO_REGIONS,
  UNASSIGNED_COUNTRIES,
} from './demo-regions';

/** Seeds the demo store when the catalog has no regions yet (called under the migration lock). */
export async function seedDemoStoreWhenEmpty(dataSource: DataSource): Promise<void> {
  const regions = await dataSource.getRepository(RegionEntity).count({ withDeleted: true });
  if (regions === 0) await upsertDemoStore(dataSource);
}

/** Inserts or updates every demo record by its fixed id, in one transaction. */
export async function upsertDemoStore(dataSource: DataSource): Promise<void> {
  await dataSource.transaction(async (manager) => {
    await manager.upsert(CurrencyEntity, DEMO_CURRENCIES, ['code']);
    await manager.upsert(PaymentProviderEntity, DEMO_PAYMENT_PROVIDERS.map(installed), ['id']);
    await manager.upsert(FulfillmentProviderEntity, DEMO_FULFILLMENT_PROVIDERS.map(installed), ['id']);
    await upsertRegions(manager);
    // No region_id here: an upsert must not take a country back from a region created since.
    await manager.upsert(CountryEntity, UNASSIGNED_COUNTRIES.map(countryRow), ['id']);
  });
}

async function upsertRegions(manager: EntityManager): Promise<void> {
  for (const region of DEMO_REGIONS) {
    const { countries, payment_providers, fulfillment_providers, ...columns } = region;
    await manager.upsert(RegionEntity, { ...columns, deleted_at: null }, ['id']);
    await manager.upsert(
      CountryEntity,
      countries.map((country) => ({ ...countryRow(country), region_id: region.id })),
      ['id'],
    );
    await replaceLinks(manager, 'region_payment_providers', region.id, payment_providers);
    await replaceLinks(manager, 'region_fulfillment_providers', region.id, fulfillment_providers);
  }
}

async function replaceLinks(manager: EntityManager, table: string, regionId: string, providers: string[]) {
  await manager.query(`DELETE FROM catalog.${table} WHERE region_id = $1`, [regionId]);
  for (const provider of providers) {
    await manager.query(`INSERT INTO catalog.${table} (region_id, provider_id) VALUES ($1, $2)`, [
      regionId,
      provider,
    ]);
  }
}

function countryRow([iso_2, iso_3, num_code, display_name]: [string, string, number, string]) {
  return { id: num_code, iso_2, iso_3, num_code, name: display_name.toUpperCase(), display_name };
}

function installed(id: string) {
  return { id, is_installed: true };
}
