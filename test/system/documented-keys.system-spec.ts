import { DemoGiftCardCodes, DemoProductIds, DemoRegionIds, DemoVariantIds } from '@app/contracts';
import request from 'supertest';
import { adminHeaders, ALL_APPS } from '../support/admin';
import { complete, readyForCheckout } from '../support/checkout';
import { signedUpCustomer } from '../support/customers';
import { documentedGaps, unexplained } from '../support/documented-keys';
import { Json } from '../support/store-carts';
import { createTestEnvironment, TestEnvironment } from '../support/test-environment';

/**
 * Every store read a storefront makes answers every property Medusa's spec documents for its
 * response — required or not; a relation the spec marks expandable only when it is expanded — with
 * the documented JSON type, but for the few that real Medusa 1.20 does not send either
 * (`SENT_BY_NEITHER`). The checkout's own steps are checked against real Medusa's recorded
 * answers in `medusa-response-keys.system-spec.ts`.
 */
describe('store reads have every documented property', () => {
  let env: TestEnvironment;
  let gateway: string;
  beforeAll(async () => {
    env = await createTestEnvironment({ apps: ALL_APPS });
    gateway = env.url('gateway');
  });
  afterAll(() => env.close());
  it('of their response schema', async () => {
    const customer = await signedUpCustomer(gateway);
    const cart = await readyForCheckout(gateway, {
      items: [{ variant_id: DemoVariantIds.tote, quantity: 1 }],
      headers: customer.auth,
    });
    const order = (await complete(gateway, cart.id).set(customer.auth).expect(200)).body.data as Json;
    const collections = (await request(gateway).get('/store/collections').expect(200)).body
      .collections as Json[];
    const categories = (await request(gateway).get('/store/product-categories').expect(200)).body
      .product_categories as Json[];
    await request(gateway)
      .post('/admin/return-reasons')
      .set(await adminHeaders(gateway))
      .send({ value: `documented-${Date.now()}`, label: 'Too small' })
      .expect(200);
    const reasons = (await request(gateway).get('/store/return-reasons').expect(200)).body
      .return_reasons as Json[];
    const cart2 = (
      await request(gateway)
        .post('/store/carts')
        .send({ region_id: DemoRegionIds.europe, items: [{ variant_id: DemoVariantIds.tote, quantity: 1 }] })
        .expect(200)
    ).body.cart as Json;
    const calls: [string, string, Record<string, string>?][] = [
      ['/store/collections', 'StoreCollectionsListRes'],
      [`/store/collections/${collections[0].id}`, 'StoreCollectionsRes'],
      [`/store/gift-cards/${DemoGiftCardCodes.europe50}`, 'StoreGiftCardsRes'],
      [`/store/orders/cart/${cart.id}`, 'StoreOrdersRes', customer.auth],
      [`/store/orders/${order.id}`, 'StoreOrdersRes', customer.auth],
      ['/store/product-categories', 'StoreGetProductCategoriesRes'],
      [`/store/product-categories/${categories[0].id}`, 'StoreGetProductCategoriesCategoryRes'],
      ['/store/product-tags', 'StoreProductTagsListRes'],
      ['/store/product-types', 'StoreProductTypesListRes'],
      [`/store/products?region_id=${DemoRegionIds.europe}`, 'StoreProductsListRes'],
      [`/store/products/${DemoProductIds.classicTee}?region_id=${DemoRegionIds.europe}`, 'StoreProductsRes'],
      ['/store/regions', 'StoreRegionsListRes'],
      [`/store/regions/${DemoRegionIds.europe}`, 'StoreRegionsRes'],
      ['/store/return-reasons', 'StoreReturnReasonsListRes'],
      [`/store/return-reasons/${reasons[0]?.id}`, 'StoreReturnReasonsRes'],
      [`/store/shipping-options?region_id=${DemoRegionIds.europe}`, 'StoreShippingOptionsListRes'],
      [`/store/shipping-options/${cart2.id}`, 'StoreCartShippingOptionsListRes'],
      [`/store/variants?region_id=${DemoRegionIds.europe}&limit=5`, 'StoreVariantsListRes'],
      [`/store/variants/${DemoVariantIds.tote}?region_id=${DemoRegionIds.europe}`, 'StoreVariantsRes'],
      [`/store/carts/${cart2.id}`, 'StoreCartsRes'],
      ['/store/customers/me', 'StoreCustomersRes', customer.auth],
      ['/store/customers/me/orders', 'StoreCustomersListOrdersRes', customer.auth],
      ['/store/auth', 'StoreAuthRes', customer.auth],
    ];
    for (const [path, schema, headers] of calls) {
      const answer = await request(gateway)
        .get(path)
        .set(headers ?? {});
      expect({ path, status: answer.status }).toEqual({ path, status: 200 });
      expect({ path, gaps: unexplained(documentedGaps(schema, answer.body)) }).toEqual({ path, gaps: [] });
    }
  });
});
