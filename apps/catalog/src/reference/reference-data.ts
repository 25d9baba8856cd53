import { upsertRows } from '@app/platform';
import { DataSource } from 'typeorm';

/** Countries as [iso_2, iso_3, ISO numeric, display name]. */
export type CountryRow = [string, string, number, string];

/** The countries a region may sell to. */
export const COUNTRIES: CountryRow[] = [
  ['at', 'aut', 40, 'Austria'],
  ['au', 'aus', 36, 'Australia'],
  ['be', 'bel', 56, 'Belgium'],
  ['br', 'bra', 76, 'Brazil'],
  ['ca', 'can', 124, 'Canada'],
  ['ch', 'che', 756, 'Switzerland'],
  ['cn', 'chn', 156, 'China'],
  ['cz', 'cze', 203, 'Czech Republic'],
  ['de', 'deu', 276, 'Germany'],
  ['dk', 'dnk', 208, 'Denmark'],
  ['es', 'esp', 724, 'Spain'],
  ['fi', 'fin', 246, 'Finland'],
  ['fr', 'fra', 250, 'France'],
  ['gb', 'gbr', 826, 'United Kingdom'],
  ['gr', 'grc', 300, 'Greece'],
  ['hk', 'hkg', 344, 'Hong Kong'],
  ['hu', 'hun', 348, 'Hungary'],
  ['ie', 'irl', 372, 'Ireland'],
  ['in', 'ind', 356, 'India'],
  ['it', 'ita', 380, 'Italy'],
  ['jp', 'jpn', 392, 'Japan'],
  ['kr', 'kor', 410, 'South Korea'],
  ['mx', 'mex', 484, 'Mexico'],
  ['nl', 'nld', 528, 'Netherlands'],
  ['no', 'nor', 578, 'Norway'],
  ['nz', 'nzl', 554, 'New Zealand'],
  ['pl', 'pol', 616, 'Poland'],
  ['pt', 'prt', 620, 'Portugal'],
  ['ro', 'rou', 642, 'Romania'],
  ['se', 'swe', 752, 'Sweden'],
  ['sg', 'sgp', 702, 'Singapore'],
  ['tw', 'twn', 158, 'Taiwan'],
  ['us', 'usa', 840, 'United States'],
];

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
    await upsertRows(manager, 'catalog.country', COUNTRIES.map(countryRow));
    const installed = (id: string) => ({ id, is_installed: true });
    await upsertRows(manager, 'catalog.payment_provider', PAYMENT_PROVIDERS.map(installed));
    await upsertRows(manager, 'catalog.fulfillment_provider', FULFILLMENT_PROVIDERS.map(installed));
  });
}
