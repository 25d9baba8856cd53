import fc from 'fast-check';
import { cartTotals, lineItemTotals, shippingMethodTotals } from './cart-totals';
import { lineAdjustments } from './discount-allocation';
import { TotalsInput, TotalsItem } from './totals.types';

const VAT = (rate: number) => [{ rate, name: 'default', code: 'default' }];
const item = (overrides: Partial<TotalsItem> = {}): TotalsItem => ({
  id: 'item_1',
  unit_price: 1000,
  quantity: 1,
  includes_tax: false,
  is_return: false,
  tax_lines: VAT(20),
  raw_discount: 0,
  ...overrides,
});

describe('line item totals (Medusa new-totals examples)', () => {
  it.each<[string, TotalsItem, boolean, object]>([
    ['exclusive, 20 %', item(), false, { subtotal: 1000, tax_total: 200, total: 1200, original_total: 1200 }],
    [
      'inclusive, 20 %',
      item({ includes_tax: true }),
      true,
      { subtotal: 833, tax_total: 167, total: 1000, original_total: 1000 },
    ],
    [
      'inclusive, 30 %',
      item({ includes_tax: true, tax_lines: VAT(30) }),
      true,
      { subtotal: 769, tax_total: 231, total: 1000 },
    ],
    [
      'inclusive without the flag is exclusive',
      item({ includes_tax: true }),
      false,
      { subtotal: 1000, tax_total: 200, total: 1200 },
    ],
    [
      'exclusive with a discount',
      item({ raw_discount: 100 }),
      false,
      { discount_total: 100, tax_total: 180, total: 1080, original_tax_total: 200 },
    ],
    [
      'a fractional discount rounds once',
      item({ raw_discount: 33.5 }),
      false,
      { discount_total: 34, raw_discount_total: 33.5, tax_total: 193 },
    ],
    [
      'two tax lines round each',
      item({ unit_price: 999, tax_lines: [...VAT(7.5), { rate: 2.5, name: 'city', code: 'c' }] }),
      false,
      { tax_total: 75 + 25 },
    ],
    ['no tax lines', item({ tax_lines: [] }), false, { tax_total: 0, total: 1000 }],
    [
      "inclusive without tax lines: Medusa's zero subtotal",
      item({ includes_tax: true, tax_lines: [], raw_discount: 50 }),
      true,
      { subtotal: 0, total: -50, original_total: 0 },
    ],
    [
      'quantity',
      item({ unit_price: 1250, quantity: 3 }),
      false,
      { subtotal: 3750, tax_total: 750, total: 4500 },
    ],
  ])('%s', (_case, line, inclusive, expected) => {
    expect(lineItemTotals(line, inclusive)).toMatchObject(expected);
  });
});

describe('shipping method totals', () => {
  it.each<[string, Parameters<typeof shippingMethodTotals>, object]>([
    [
      'exclusive',
      [{ id: 'sm', price: 500, includes_tax: false, tax_lines: VAT(20) }, false, false],
      { subtotal: 500, tax_total: 100, total: 600 },
    ],
    [
      'inclusive',
      [{ id: 'sm', price: 600, includes_tax: true, tax_lines: VAT(20) }, false, true],
      { subtotal: 500, tax_total: 100, total: 600 },
    ],
    [
      'free shipping',
      [{ id: 'sm', price: 500, includes_tax: false, tax_lines: VAT(20) }, true, false],
      { subtotal: 0, tax_total: 0, total: 0, original_total: 600 },
    ],
    [
      'untaxed',
      [{ id: 'sm', price: 1000, includes_tax: false, tax_lines: [] }, false, false],
      { subtotal: 1000, tax_total: 0, total: 1000 },
    ],
  ])('%s', (_case, args, expected) => {
    expect(shippingMethodTotals(...args)).toMatchObject(expected);
  });
});

describe('cart totals', () => {
  it("match the notes' worked example exactly", () => {
    const adjustments = lineAdjustments(
      [
        {
          id: 'item_1',
          unit_price: 1000,
          quantity: 1,
          allow_discounts: true,
          is_return: false,
          subtotal: 1000,
        },
      ],
      { id: 'disc', type: 'percentage', value: 10, allocation: 'total', applies: () => true },
    );
    const { cart } = cartTotals({
      items: [item({ raw_discount: adjustments.get('item_1') ?? 0 })],
      shipping_methods: [{ id: 'sm', price: 500, includes_tax: false, tax_lines: VAT(20) }],
      gift_cards: [{ balance: 300, tax_rate: 20 }],
      gift_cards_taxable: true,
      free_shipping: false,
      tax_inclusive_pricing: false,
    });
    expect(cart).toEqual({
      subtotal: 1000,
      discount_total: 100,
      raw_discount_total: 100,
      item_tax_total: 180,
      shipping_total: 500,
      shipping_tax_total: 100,
      tax_total: 280,
      gift_card_total: 300,
      gift_card_tax_total: 60,
      total: 1320,
    });
  });

  it('cap gift cards at what they may pay, tax included when gift cards are not taxable', () => {
    const { cart } = cartTotals({
      items: [item()],
      shipping_methods: [],
      gift_cards: [{ balance: 5000, tax_rate: null }],
      gift_cards_taxable: false,
      free_shipping: false,
      tax_inclusive_pricing: false,
    });
    expect(cart).toMatchObject({ gift_card_total: 1200, gift_card_tax_total: 0, total: 0 });
  });

  it('round the discount once over the raw sum of the lines', () => {
    const { cart } = cartTotals({
      items: [item({ id: 'a', raw_discount: 0.4 }), item({ id: 'b', raw_discount: 0.4 })],
      shipping_methods: [],
      gift_cards: [],
      gift_cards_taxable: true,
      free_shipping: false,
      tax_inclusive_pricing: false,
    });
    expect(cart.discount_total).toBe(1);
  });
});

describe('discount allocation', () => {
  const lines = [
    { id: 'a', unit_price: 1000, quantity: 1, allow_discounts: true, is_return: false, subtotal: 1000 },
    { id: 'b', unit_price: 500, quantity: 2, allow_discounts: true, is_return: false, subtotal: 1000 },
    { id: 'gift', unit_price: 5000, quantity: 1, allow_discounts: false, is_return: false, subtotal: 5000 },
  ];
  const discount = (overrides: object) =>
    ({
      id: 'd',
      type: 'fixed',
      value: 300,
      allocation: 'total',
      applies: () => true,
      ...overrides,
    }) as Parameters<typeof lineAdjustments>[1];

  it.each<[string, object, Record<string, number>]>([
    ['percentage', { type: 'percentage', value: 15 }, { a: 150, b: 150 }],
    ['fixed over the total, spread by subtotal', {}, { a: 150, b: 150 }],
    ['fixed per item, times quantity', { allocation: 'item', value: 100 }, { a: 100, b: 200 }],
    ['capped at the line', { allocation: 'item', value: 2000 }, { a: 1000, b: 1000 }],
    [
      'only where conditions hold, S still counts every line',
      { applies: (id: string) => id === 'a' },
      { a: 150 },
    ],
    ['free shipping takes nothing off lines', { type: 'free_shipping' }, {}],
  ])('%s', (_case, overrides, expected) => {
    expect(Object.fromEntries(lineAdjustments(lines, discount(overrides)))).toEqual(expected);
  });

  it('leaves fractions of a fixed discount unrounded', () => {
    const thirds = [1, 2, 3].map((n) => ({
      id: `l${n}`,
      unit_price: 1000,
      quantity: 1,
      allow_discounts: true,
      is_return: false,
      subtotal: 1000,
    }));
    const amounts = [...lineAdjustments(thirds, discount({ value: 100 })).values()];
    expect(amounts[0]).toBeCloseTo(33.333, 3);
    expect(amounts.reduce((sum, amount) => sum + amount, 0)).toBeCloseTo(100, 9);
  });
});

describe('properties (fast-check)', () => {
  const lineArb = fc.record({
    unit_price: fc.integer({ min: 0, max: 1_000_000 }),
    quantity: fc.integer({ min: 1, max: 100 }),
    rate: fc.constantFrom(0, 5, 7.5, 13, 20, 25),
    allow_discounts: fc.boolean(),
  });
  const discountArb = fc.record({
    type: fc.constantFrom('percentage', 'fixed') as fc.Arbitrary<'percentage' | 'fixed'>,
    allocation: fc.constantFrom('total', 'item') as fc.Arbitrary<'total' | 'item'>,
    value: fc.integer({ min: 0, max: 100 }),
  });

  it('the cart identity and every line identity hold, discounts never exceed a line', () => {
    fc.assert(
      fc.property(
        fc.array(lineArb, { minLength: 1, maxLength: 8 }),
        discountArb,
        fc.array(fc.integer({ min: 0, max: 50_000 }), { maxLength: 3 }),
        fc.integer({ min: 0, max: 5_000 }),
        fc.boolean(),
        fc.boolean(),
        (rawLines, rule, cards, shipping, taxable, inclusive) => {
          const lines = rawLines.map((line, index) => ({
            id: `i${index}`,
            unit_price: line.unit_price,
            quantity: line.quantity,
            allow_discounts: line.allow_discounts,
            is_return: false,
            subtotal: line.unit_price * line.quantity,
          }));
          const adjustments = lineAdjustments(lines, { id: 'd', ...rule, applies: () => true });
          const input: TotalsInput = {
            items: rawLines.map((line, index) => ({
              id: `i${index}`,
              unit_price: line.unit_price,
              quantity: line.quantity,
              includes_tax: inclusive,
              is_return: false,
              tax_lines: VAT(line.rate),
              raw_discount: adjustments.get(`i${index}`) ?? 0,
            })),
            shipping_methods: [{ id: 'sm', price: shipping, includes_tax: false, tax_lines: VAT(20) }],
            gift_cards: cards.map((balance) => ({ balance, tax_rate: taxable ? 20 : null })),
            gift_cards_taxable: taxable,
            free_shipping: false,
            tax_inclusive_pricing: inclusive,
          };
          const { cart, items } = cartTotals(input);
          expect(cart.total).toBe(
            cart.subtotal +
              cart.shipping_total +
              cart.tax_total -
              (cart.gift_card_total + cart.discount_total + cart.gift_card_tax_total),
          );
          expect(cart.tax_total).toBe(cart.item_tax_total + cart.shipping_tax_total);
          for (const [id, totals] of items) {
            expect(totals.total).toBe(totals.subtotal - totals.discount_total + totals.tax_total);
            const line = lines.find((candidate) => candidate.id === id);
            expect(totals.raw_discount_total).toBeLessThanOrEqual(line?.subtotal ?? 0);
            for (const value of [totals.subtotal, totals.tax_total, totals.discount_total])
              expect(Number.isInteger(value)).toBe(true);
          }
          expect(cart.gift_card_total).toBeLessThanOrEqual(cards.reduce((sum, card) => sum + card, 0));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('a fixed discount over the total spreads exactly min(value, S) over lines that all qualify', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 100_000 }), { minLength: 1, maxLength: 10 }),
        fc.integer({ min: 0, max: 500_000 }),
        (subtotals, value) => {
          const lines = subtotals.map((subtotal, index) => ({
            id: `l${index}`,
            unit_price: subtotal,
            quantity: 1,
            allow_discounts: true,
            is_return: false,
            subtotal,
          }));
          const total = [
            ...lineAdjustments(lines, {
              id: 'd',
              type: 'fixed',
              allocation: 'total',
              value,
              applies: () => true,
            }).values(),
          ].reduce((a, b) => a + b, 0);
          const S = subtotals.reduce((a, b) => a + b, 0);
          expect(total).toBeCloseTo(Math.min(value, S), 6);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
