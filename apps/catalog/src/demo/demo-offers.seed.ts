import { percentOf, upsertRows } from '@app/platform';
import { EntityManager } from 'typeorm';
import { demoId, demoIds } from './demo-ids';
import {
  DEMO_LEVEL_PRICE_LISTS,
  DEMO_PRESALE_OFFERS,
  DEMO_PRICE_LISTS,
  DEMO_SHIPPING_OPTIONS,
} from './demo-offers';
import { DEMO_PRODUCTS } from './demo-products';
import { REGION_ID, replaceLinks } from './demo-links';

/** The demo's price lists, each with a price for every variant of its product. */
export async function upsertPriceLists(manager: EntityManager): Promise<void> {
  for (const list of DEMO_PRICE_LISTS) {
    const id = demoIds.priceList(list.key);
    await upsertRows(manager, 'catalog.price_list', [
      {
        id,
        name: list.name,
        description: list.description,
        type: list.type,
        status: list.status,
        starts_at: list.ended ? new Date('2025-06-01T00:00:00Z') : null,
        ends_at: list.ended ? new Date('2025-06-02T00:00:00Z') : null,
      },
    ]);
    await replaceLinks(
      manager,
      'catalog.price_list_customer_groups',
      'price_list_id',
      id,
      'customer_group_id',
      list.customer_group_id ? [list.customer_group_id] : [],
    );
    const product = DEMO_PRODUCTS.find((candidate) => candidate.handle === list.product);
    for (const variant of product?.variants ?? []) {
      await upsertRows(
        manager,
        'catalog.money_amount',
        (['eur', 'cny'] as const).map((currency) => ({
          id: demoIds.price(`${list.key}/${variant.sku}/${currency}`),
          currency_code: currency,
          amount: list.price[currency],
          price_list_id: id,
          region_id: null,
          variant_id: demoIds.variant(variant.sku),
        })),
      );
    }
  }
}

/**
 * The customer levels' price lists (seed 004): every regular price of every product but gift cards,
 * at the level's percentage, rounded once.
 */
export async function upsertLevelPriceLists(manager: EntityManager): Promise<void> {
  for (const list of DEMO_LEVEL_PRICE_LISTS) {
    const id = demoIds.priceList(list.key);
    await upsertRows(manager, 'catalog.price_list', [
      { id, name: list.name, description: list.description, type: 'override', status: 'active' },
    ]);
    await replaceLinks(
      manager,
      'catalog.price_list_customer_groups',
      'price_list_id',
      id,
      'customer_group_id',
      [list.customer_group_id],
    );
    const variants = DEMO_PRODUCTS.filter((product) => !product.is_giftcard).flatMap(
      (product) => product.variants,
    );
    await upsertRows(
      manager,
      'catalog.money_amount',
      variants.flatMap((variant) =>
        (['eur', 'cny'] as const).map((currency) => ({
          id: demoIds.price(`${list.key}/${variant.sku}/${currency}`),
          currency_code: currency,
          amount: percentOf(variant.price[currency], list.percent),
          price_list_id: id,
          region_id: null,
          variant_id: demoIds.variant(variant.sku),
        })),
      ),
    );
  }
}

export async function upsertShippingOptions(manager: EntityManager): Promise<void> {
  for (const option of DEMO_SHIPPING_OPTIONS) {
    const id = demoIds.shippingOption(option.key);
    await upsertRows(manager, 'catalog.shipping_option', [
      {
        id,
        name: option.name,
        region_id: REGION_ID[option.region],
        profile_id: demoIds.profile(option.profile),
        provider_id: 'manual',
        price_type: 'flat_rate',
        amount: option.amount,
        is_return: option.is_return ?? false,
        admin_only: option.admin_only ?? false,
        // What Medusa's manual fulfillment provider keeps on its options.
        data: { id: 'manual-fulfillment' },
        deleted_at: null,
      },
    ]);
    await manager.query('DELETE FROM catalog.shipping_option_requirement WHERE shipping_option_id = $1', [
      id,
    ]);
    const requirements = [
      ...(option.min_subtotal !== undefined ? [{ type: 'min_subtotal', amount: option.min_subtotal }] : []),
      ...(option.max_subtotal !== undefined ? [{ type: 'max_subtotal', amount: option.max_subtotal }] : []),
    ];
    await upsertRows(
      manager,
      'catalog.shipping_option_requirement',
      requirements.map((requirement) => ({
        id: demoId('sor', `${option.key}/${requirement.type}`),
        shipping_option_id: id,
        ...requirement,
      })),
    );
  }
}

/**
 * The demo's presale offers, created once: seeding again keeps their window (it was set from the
 * first seeding, so that the balance window opens in the future of a fresh store).
 */
export async function insertPresaleOffers(manager: EntityManager): Promise<void> {
  for (const offer of DEMO_PRESALE_OFFERS) {
    await manager.query(
      `INSERT INTO catalog.presale_offer (variant_id, currency_code, deposit_amount, balance_opens_at, balance_closes_at,
         stock_limit, buy_limit, expect_arrival_time)
       VALUES ($1, $2, $3, now() + make_interval(days => $4), now() + make_interval(days => $4 + $5), $6, $7,
         now() + make_interval(days => $8))
       ON CONFLICT (variant_id) DO NOTHING`,
      [
        demoIds.variant(offer.sku),
        offer.currency_code,
        offer.deposit_amount,
        offer.balance_opens_in_days,
        offer.balance_open_days,
        offer.stock_limit,
        offer.buy_limit,
        offer.arrives_in_days,
      ],
    );
  }
}
