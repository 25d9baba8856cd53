import { upsertRows } from '@app/platform';
import { DataSource } from 'typeorm';
import { CountryRow, countries } from './iso-3166';

/** The providers this system has: every one is installed. */
export const PAYMENT_PROVIDERS = ['manual', 'cashier', 'wechat', 'alipay'];
export const FULFILLMENT_PROVIDERS = ['manual'];

/** Every ISO 4217 currency the runtime knows, named and with its symbol as `Intl` gives them. */
export function currencies(): {
  code: string;
  symbol: string;
  symbol_native: string;
  name: string;
  includes_tax: boolean;
}[] {
  const names = new Intl.DisplayNames(['en'], { type: 'currency' });
  return Intl.supportedValuesOf('currency').map((code) => {
    const symbol =
      new Intl.NumberFormat('en', { style: 'currency', currency: code })
        .formatToParts(0)
        .find((part) => part.type === 'currency')?.value ?? code;
    return {
      code: code.toLowerCase(),
      symbol,
      symbol_native: symbol,
      name: names.of(code) ?? code,
      includes_tax: false,
    };
  });
}

/** A country's row in `catalog.country`: no region (an upsert never takes a country from its region). */
export function countryRow([iso_2, iso_3, num_code, display_name]: CountryRow) {
  return { id: num_code, iso_2, iso_3, num_code, name: display_name.toUpperCase(), display_name };
}

/**
 * The store's reference data — currencies, countries, installed providers — brought in line at every
 * start (after the migrations, demo or not): a store stocked through the admin routes needs them.
 * Existing rows keep their settings (a currency's `includes_tax`, a country's region).
 */
export async function upsertReferenceData(dataSource: DataSource): Promise<void> {
  await dataSource.transaction(async (manager) => {
    await upsertRows(manager, 'catalog.currency', currencies(), {
      conflict: ['code'],
      keep: ['includes_tax'],
    });
    await upsertRows(manager, 'catalog.country', countries().map(countryRow));
    const installed = (id: string) => ({ id, is_installed: true });
    await upsertRows(manager, 'catalog.payment_provider', PAYMENT_PROVIDERS.map(installed));
    await upsertRows(manager, 'catalog.fulfillment_provider', FULFILLMENT_PROVIDERS.map(installed));
  });
}
