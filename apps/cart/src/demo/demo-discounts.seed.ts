import {
  DemoDiscountCodes,
  DemoGiftCardCodes,
  DemoProductIds,
  DemoProductTypeIds,
  DemoRegionIds,
} from '@app/contracts';
import { upsertRows } from '@app/platform';
import { createHash } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';

const EU = DemoRegionIds.europe;
const CN = DemoRegionIds.china;

/** A fixed id for a demo record of the cart schema, derived from its code. */
const fixedId = (prefix: string, key: string) =>
  `${prefix}_01KDVDNA10${createHash('sha256').update(`${prefix}:${key}`).digest('hex').slice(0, 16).toUpperCase()}`;

interface DemoDiscount {
  code: string;
  type: 'percentage' | 'fixed' | 'free_shipping';
  value: number;
  allocation: 'total' | 'item';
  regions: string[];
  condition?: { type: 'products' | 'product_types'; ids: string[] };
  ends_at?: Date;
  usage?: [count: number, limit: number];
  is_disabled?: boolean;
}

const DISCOUNTS: DemoDiscount[] = [
  {
    code: DemoDiscountCodes.welcome10,
    type: 'percentage',
    value: 10,
    allocation: 'total',
    regions: [EU, CN],
  },
  { code: DemoDiscountCodes.fiveOff, type: 'fixed', value: 500, allocation: 'total', regions: [EU] },
  {
    code: DemoDiscountCodes.teeTwenty,
    type: 'fixed',
    value: 2000,
    allocation: 'item',
    regions: [CN],
    condition: { type: 'products', ids: [DemoProductIds.classicTee] },
  },
  {
    code: DemoDiscountCodes.freeShipping,
    type: 'free_shipping',
    value: 0,
    allocation: 'total',
    regions: [EU, CN],
  },
  {
    code: DemoDiscountCodes.home15,
    type: 'percentage',
    value: 15,
    allocation: 'total',
    regions: [EU],
    condition: { type: 'product_types', ids: [DemoProductTypeIds.homeware] },
  },
  {
    code: DemoDiscountCodes.expired,
    type: 'percentage',
    value: 20,
    allocation: 'total',
    regions: [EU, CN],
    ends_at: new Date('2025-09-01T00:00:00Z'),
  },
  {
    code: DemoDiscountCodes.usedUp,
    type: 'percentage',
    value: 5,
    allocation: 'total',
    regions: [EU, CN],
    usage: [100, 100],
  },
  {
    code: DemoDiscountCodes.disabled,
    type: 'percentage',
    value: 50,
    allocation: 'total',
    regions: [EU, CN],
    is_disabled: true,
  },
];

const GIFT_CARDS = [
  { code: DemoGiftCardCodes.europe50, value: 5000, region_id: EU, is_disabled: false },
  { code: DemoGiftCardCodes.china200, value: 20000, region_id: CN, is_disabled: false },
  { code: DemoGiftCardCodes.disabled, value: 1000, region_id: EU, is_disabled: true },
];

/** Seeds the demo discounts and gift cards when the cart schema has none (under the migration lock). */
export async function seedDemoDiscountsWhenEmpty(dataSource: DataSource): Promise<void> {
  const [{ discounts }] = await dataSource.query('SELECT count(*)::int AS discounts FROM cart.discount');
  if (discounts === 0) await upsertDemoDiscounts(dataSource);
}

/** Inserts or updates the demo discounts and gift cards by their fixed ids (`npm run seed`). */
export async function upsertDemoDiscounts(dataSource: DataSource): Promise<void> {
  await dataSource.transaction(async (manager) => {
    for (const discount of DISCOUNTS) await upsertDiscount(manager, discount);
    await upsertRows(
      manager,
      'cart.gift_card',
      GIFT_CARDS.map((card) => ({ id: fixedId('gift', card.code), ...card, balance: card.value })),
      { keep: ['balance'] },
    );
  });
}

async function upsertDiscount(manager: EntityManager, discount: DemoDiscount): Promise<void> {
  const id = fixedId('disc', discount.code);
  const ruleId = fixedId('dru', discount.code);
  await upsertRows(manager, 'cart.discount_rule', [
    {
      id: ruleId,
      type: discount.type,
      description: `${discount.code} (demo)`,
      value: discount.value,
      allocation: discount.allocation,
    },
  ]);
  await upsertRows(manager, 'cart.discount', [
    {
      id,
      code: discount.code,
      rule_id: ruleId,
      is_disabled: discount.is_disabled ?? false,
      starts_at: new Date('2025-01-01T00:00:00Z'),
      ends_at: discount.ends_at ?? null,
      usage_count: discount.usage?.[0] ?? 0,
      usage_limit: discount.usage?.[1] ?? null,
    },
  ]);
  await manager.query('DELETE FROM cart.discount_regions WHERE discount_id = $1', [id]);
  await manager.query(
    'INSERT INTO cart.discount_regions (discount_id, region_id) SELECT $1, unnest($2::text[])',
    [id, discount.regions],
  );
  await manager.query('DELETE FROM cart.discount_condition WHERE discount_rule_id = $1', [ruleId]);
  if (discount.condition) {
    await upsertRows(manager, 'cart.discount_condition', [
      {
        id: fixedId('dcon', discount.code),
        type: discount.condition.type,
        operator: 'in',
        discount_rule_id: ruleId,
        target_ids: discount.condition.ids,
      },
    ]);
  }
}
