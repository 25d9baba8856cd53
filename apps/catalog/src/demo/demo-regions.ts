import { DemoRegionIds } from '@app/contracts';

/** Currencies the demo store sells in. */
export const DEMO_CURRENCIES = [
  { code: 'eur', symbol: '€', symbol_native: '€', name: 'Euro', includes_tax: false },
  { code: 'cny', symbol: 'CN¥', symbol_native: 'CN¥', name: 'Chinese Yuan', includes_tax: false },
  { code: 'usd', symbol: '$', symbol_native: '$', name: 'US Dollar', includes_tax: false },
];

export const DEMO_PAYMENT_PROVIDERS = ['manual', 'cashier', 'wechat', 'alipay'];
export const DEMO_FULFILLMENT_PROVIDERS = ['manual'];

/** Countries as [iso_2, iso_3, ISO numeric, display name]. */
type CountryRow = [string, string, number, string];

const EUROPE: CountryRow[] = [
  ['at', 'aut', 40, 'Austria'],
  ['be', 'bel', 56, 'Belgium'],
  ['de', 'deu', 276, 'Germany'],
  ['dk', 'dnk', 208, 'Denmark'],
  ['es', 'esp', 724, 'Spain'],
  ['fr', 'fra', 250, 'France'],
  ['it', 'ita', 380, 'Italy'],
  ['nl', 'nld', 528, 'Netherlands'],
  ['pt', 'prt', 620, 'Portugal'],
  ['se', 'swe', 752, 'Sweden'],
];

const CHINA: CountryRow[] = [['cn', 'chn', 156, 'China']];

/** Countries the demo store does not sell to yet: free for new regions. */
export const UNASSIGNED_COUNTRIES: CountryRow[] = [
  ['au', 'aus', 36, 'Australia'],
  ['br', 'bra', 76, 'Brazil'],
  ['ca', 'can', 124, 'Canada'],
  ['ch', 'che', 756, 'Switzerland'],
  ['cz', 'cze', 203, 'Czech Republic'],
  ['fi', 'fin', 246, 'Finland'],
  ['gb', 'gbr', 826, 'United Kingdom'],
  ['gr', 'grc', 300, 'Greece'],
  ['hk', 'hkg', 344, 'Hong Kong'],
  ['hu', 'hun', 348, 'Hungary'],
  ['ie', 'irl', 372, 'Ireland'],
  ['in', 'ind', 356, 'India'],
  ['jp', 'jpn', 392, 'Japan'],
  ['kr', 'kor', 410, 'South Korea'],
  ['mx', 'mex', 484, 'Mexico'],
  ['no', 'nor', 578, 'Norway'],
  ['nz', 'nzl', 554, 'New Zealand'],
  ['pl', 'pol', 616, 'Poland'],
  ['ro', 'rou', 642, 'Romania'],
  ['sg', 'sgp', 702, 'Singapore'],
  ['tw', 'twn', 158, 'Taiwan'],
  ['us', 'usa', 840, 'United States'],
];

export interface DemoRegion {
  id: string;
  name: string;
  currency_code: string;
  tax_rate: number;
  gift_cards_taxable: boolean;
  automatic_taxes: boolean;
  countries: CountryRow[];
  payment_providers: string[];
  fulfillment_providers: string[];
}

/**
 * Europe sells in euros with 20 % VAT added at checkout; China sells in yuan with prices that
 * already include VAT (so no tax is added), paid by WeChat Pay, Alipay or card.
 */
export const DEMO_REGIONS: DemoRegion[] = [
  {
    id: DemoRegionIds.europe,
    name: 'Europe',
    currency_code: 'eur',
    tax_rate: 20,
    gift_cards_taxable: true,
    automatic_taxes: true,
    countries: EUROPE,
    payment_providers: ['manual', 'cashier'],
    fulfillment_providers: ['manual'],
  },
  {
    id: DemoRegionIds.china,
    name: 'China',
    currency_code: 'cny',
    tax_rate: 0,
    gift_cards_taxable: false,
    automatic_taxes: true,
    countries: CHINA,
    payment_providers: ['manual', 'cashier', 'wechat', 'alipay'],
    fulfillment_providers: ['manual'],
  },
];
