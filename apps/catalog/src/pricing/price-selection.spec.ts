import { PriceRow, priceVariant, PricingContext } from './price-selection';

let sequence = 0;
function price(amount: number, overrides: Partial<PriceRow> = {}): PriceRow {
  sequence += 1;
  return {
    id: `ma_${sequence}`,
    currency_code: 'eur',
    amount,
    min_quantity: null,
    max_quantity: null,
    price_list_id: null,
    price_list: null,
    variant_id: 'variant_1',
    region_id: null,
    created_at: '2026-01-01T00:00:00.000Z',
    updated_at: '2026-01-01T00:00:00.000Z',
    deleted_at: null,
    includes_tax: false,
    ...overrides,
  };
}

const sale = (amount: number, overrides: Partial<PriceRow> = {}) =>
  price(amount, {
    price_list_id: 'pl_sale',
    price_list: { type: 'sale' } as PriceRow['price_list'],
    ...overrides,
  });

const EUROPE: PricingContext = {
  region_id: 'reg_eu',
  currency_code: 'eur',
  tax_rates: [{ rate: 20, name: 'default', code: 'default' }],
};
const EUR_ONLY: PricingContext = { currency_code: 'eur', tax_rates: null };

describe('priceVariant follows Medusa v1 price selection', () => {
  it.each<[string, PriceRow[], PricingContext, Partial<ReturnType<typeof priceVariant>>]>([
    [
      'a currency price, taxed at the region rate',
      [price(1950)],
      EUROPE,
      {
        original_price: 1950,
        calculated_price: 1950,
        calculated_price_type: 'default',
        calculated_tax: 390,
        calculated_price_incl_tax: 2340,
        original_tax: 390,
        original_price_incl_tax: 2340,
      },
    ],
    [
      'no taxes without a region',
      [price(1950)],
      EUR_ONLY,
      { calculated_price: 1950, calculated_tax: null, tax_rates: null },
    ],
    [
      'a sale price list beats the default, the original stays the default',
      [price(3900), sale(2900)],
      EUROPE,
      { original_price: 3900, calculated_price: 2900, calculated_price_type: 'sale' },
    ],
    [
      'a region price takes precedence as original price and competes as calculated price',
      [price(1800), price(1700, { region_id: 'reg_eu' })],
      EUROPE,
      { original_price: 1700, calculated_price: 1700 },
    ],
    [
      'quantity tiers do not apply without a quantity',
      [price(1200), price(1000, { min_quantity: 3 })],
      { ...EUROPE },
      { calculated_price: 1200 },
    ],
    [
      'quantity tiers apply from their minimum',
      [price(1200), price(1000, { min_quantity: 3 })],
      { ...EUROPE, quantity: 3 },
      { calculated_price: 1000, original_price: 1200 },
    ],
    [
      'and not below it',
      [price(1200), price(1000, { min_quantity: 3 })],
      { ...EUROPE, quantity: 2 },
      { calculated_price: 1200 },
    ],
    [
      'a maximum bounds a tier',
      [price(1200), price(900, { min_quantity: 2, max_quantity: 5 })],
      { ...EUROPE, quantity: 6 },
      { calculated_price: 1200 },
    ],
    [
      'prices of other currencies do not count',
      [price(9900, { currency_code: 'cny' })],
      EUROPE,
      { calculated_price: null, original_price: null, calculated_tax: null, calculated_price_incl_tax: null },
    ],
    [
      'a tax-inclusive price is compared through the tax rate',
      [price(1000), price(1150, { includes_tax: true })],
      EUROPE,
      { calculated_price: 1150, calculated_price_includes_tax: true, calculated_price_incl_tax: 1150 },
    ],
    [
      'rounding is Math.round (half up)',
      [price(1234)],
      { ...EUROPE, tax_rates: [{ rate: 12.5, name: 'default', code: 'default' }] },
      { calculated_tax: 154, calculated_price_incl_tax: 1388 },
    ],
  ])('%s', (_name, prices, context, expected) => {
    expect(priceVariant(prices, context)).toMatchObject(expected);
  });

  it('leaves the price type out when nothing is priced, as Medusa does', () => {
    expect(priceVariant([], EUROPE)).not.toHaveProperty('calculated_price_type');
  });
});
