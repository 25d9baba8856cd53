import { upsertRows } from '@app/platform';
import { EntityManager } from 'typeorm';
import { demoId, demoIds } from './demo-ids';
import { DEMO_PRICE_LISTS, DEMO_SHIPPING_OPTIONS } from './demo-offers';
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
        data: {},
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
