import { DemoRegionIds } from '@app/contracts';
import { countries, CountryRow } from '../reference/iso-3166';

/** The reference rows of the demo regions' countries. */
function countriesOf(codes: string[]): CountryRow[] {
  const all = countries();
  return codes.map((code) => all.find((country) => country[0] === code)!);
}

const EUROPE = countriesOf(['at', 'be', 'de', 'dk', 'es', 'fr', 'it', 'nl', 'pt', 'se']);
const CHINA = countriesOf(['cn']);

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
