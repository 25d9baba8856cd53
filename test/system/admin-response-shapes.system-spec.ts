import { DemoProductIds as P, DemoRegionIds, DemoVariantIds as V } from '@app/contracts';
import request from 'supertest';
import { adminHeaders } from '../support/admin';
import { complete, readyForCheckout } from '../support/checkout';
import { signedUpCustomer } from '../support/customers';
import { medusaAdminShapeErrors } from '../support/medusa-admin-types';
import { createTestEnvironment, TestEnvironment } from '../support/test-environment';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/**
 * Every admin route's answer against Medusa v1's admin response types (its published client types,
 * generated from its admin OpenAPI spec): each key Medusa's type requires is present, down to the
 * objects inside. Our own routes (inventory, presale, import) have no Medusa type and are not here.
 */
describe('admin responses in Medusa’s admin shapes', () => {
  let env: TestEnvironment;
  let gateway: string;
  let admin: Record<string, string>;
  const errors: Record<string, string[]> = {};

  /** Calls `method path` and records what its answer lacks of Medusa's `type`. */
  const check = async (type: string, method: 'get' | 'post' | 'delete', path: string, body?: object) => {
    const call = request(gateway)[method](path).set(admin);
    const answer = await (body ? call.send(body) : call);
    if (answer.status !== 200)
      throw new Error(`${method} ${path}: ${answer.status} ${JSON.stringify(answer.body)}`);
    const missing = medusaAdminShapeErrors(type, answer.body);
    if (missing.length) errors[`${method.toUpperCase()} ${path} (${type})`] = missing;
    return answer.body as Json;
  };

  beforeAll(async () => {
    env = await createTestEnvironment({
      apps: ['catalog', 'cart', 'payment', 'order', 'customer', 'gateway'],
      freshDatabase: true,
    });
    gateway = env.url('gateway');
    admin = await adminHeaders(gateway);
  });
  afterAll(() => env.close());

  it('answers the catalog routes in Medusa’s shapes', async () => {
    await check('AdminRegionsListRes', 'get', '/admin/regions');
    await check('AdminRegionsRes', 'get', `/admin/regions/${DemoRegionIds.europe}`);
    await check('AdminProductsListRes', 'get', '/admin/products');
    const { product } = await check('AdminProductsRes', 'get', `/admin/products/${P.classicTee}`);
    await check('AdminProductsRes', 'post', `/admin/products/${P.classicTee}/options`, { title: 'Fit' });
    const fit = (
      await request(gateway).get(`/admin/products/${P.classicTee}`).set(admin)
    ).body.product.options.find((option: Json) => option.title === 'Fit');
    await check(
      'AdminProductsDeleteOptionRes',
      'delete',
      `/admin/products/${P.classicTee}/options/${fit.id}`,
    );
    await check(
      'AdminProductsDeleteVariantRes',
      'delete',
      `/admin/products/${P.classicTee}/variants/${product.variants[0].id}`,
    );
    await check('AdminProductsDeleteRes', 'delete', `/admin/products/${P.baseballCap}`);

    const { collection } = await check('AdminCollectionsRes', 'post', '/admin/collections', {
      title: 'Shapes',
    });
    await check('AdminCollectionsListRes', 'get', '/admin/collections');
    await check('AdminCollectionsRes', 'post', `/admin/collections/${collection.id}/products/batch`, {
      product_ids: [P.crewSocks],
    });
    await check(
      'AdminDeleteProductsFromCollectionRes',
      'delete',
      `/admin/collections/${collection.id}/products/batch`,
      {
        product_ids: [P.crewSocks],
      },
    );
    await check('AdminCollectionsDeleteRes', 'delete', `/admin/collections/${collection.id}`);

    const { product_category } = await check(
      'AdminProductCategoriesCategoryRes',
      'post',
      '/admin/product-categories',
      {
        name: 'Shapes',
      },
    );
    await check('AdminProductCategoriesListRes', 'get', '/admin/product-categories');
    await check(
      'AdminProductCategoriesCategoryDeleteRes',
      'delete',
      `/admin/product-categories/${product_category.id}`,
    );
    await check('AdminProductTagsListRes', 'get', '/admin/product-tags');
    await check('AdminProductTypesListRes', 'get', '/admin/product-types');

    await check('AdminShippingOptionsListRes', 'get', '/admin/shipping-options');
    const { shipping_profiles } = await check(
      'AdminShippingProfilesListRes',
      'get',
      '/admin/shipping-profiles',
    );
    await check('AdminShippingProfilesRes', 'get', `/admin/shipping-profiles/${shipping_profiles[0].id}`);
    const { shipping_option } = await check('AdminShippingOptionsRes', 'post', '/admin/shipping-options', {
      name: 'Shapes',
      region_id: DemoRegionIds.europe,
      provider_id: 'manual',
      price_type: 'flat_rate',
      amount: 100,
    });
    await check('AdminShippingOptionsDeleteRes', 'delete', `/admin/shipping-options/${shipping_option.id}`);

    const { sales_channel } = await check('AdminSalesChannelsRes', 'post', '/admin/sales-channels', {
      name: 'Shapes',
    });
    await check('AdminSalesChannelsListRes', 'get', '/admin/sales-channels');
    const { publishable_api_key } = await check(
      'AdminPublishableApiKeysRes',
      'post',
      '/admin/publishable-api-keys',
      {
        title: 'Shapes',
      },
    );
    await check('AdminPublishableApiKeysListRes', 'get', '/admin/publishable-api-keys');
    await check(
      'AdminPublishableApiKeysListSalesChannelsRes',
      'get',
      `/admin/publishable-api-keys/${publishable_api_key.id}/sales-channels`,
    );
    await check(
      'AdminPublishableApiKeyDeleteRes',
      'delete',
      `/admin/publishable-api-keys/${publishable_api_key.id}`,
    );
    await check('AdminSalesChannelsDeleteRes', 'delete', `/admin/sales-channels/${sales_channel.id}`);
  });

  it('answers the pricing, customer and discount routes in Medusa’s shapes', async () => {
    const { customer_group } = await check('AdminCustomerGroupsRes', 'post', '/admin/customer-groups', {
      name: 'Shapes',
    });
    await check('AdminCustomerGroupsListRes', 'get', '/admin/customer-groups');
    const { price_list } = await check('AdminPriceListRes', 'post', '/admin/price-lists', {
      name: 'Shapes',
      description: 'shapes',
      type: 'sale',
      customer_groups: [{ id: customer_group.id }],
      prices: [{ variant_id: V.mugWhite, currency_code: 'eur', amount: 1000 }],
    });
    await check('AdminPriceListsListRes', 'get', '/admin/price-lists');
    await check(
      'AdminPriceListDeleteBatchRes',
      'delete',
      `/admin/price-lists/${price_list.id}/prices/batch`,
      {
        price_ids: [price_list.prices[0].id],
      },
    );
    await check('AdminPriceListDeleteRes', 'delete', `/admin/price-lists/${price_list.id}`);
    await check('AdminCustomerGroupsDeleteRes', 'delete', `/admin/customer-groups/${customer_group.id}`);

    const { discount } = await check('AdminDiscountsRes', 'post', '/admin/discounts', {
      code: 'SHAPES',
      rule: { type: 'percentage', value: 5, allocation: 'total' },
      regions: [DemoRegionIds.europe],
    });
    await check('AdminDiscountsListRes', 'get', '/admin/discounts');
    await check('AdminDiscountsRes', 'get', '/admin/discounts/code/SHAPES');
    await check('AdminDiscountsDeleteRes', 'delete', `/admin/discounts/${discount.id}`);
    await check('AdminGiftCardsListRes', 'get', '/admin/gift-cards');
  });

  it('answers the order and customer routes in Medusa’s shapes', async () => {
    const cart = await readyForCheckout(gateway, { items: [{ variant_id: V.teeMediumBlack, quantity: 1 }] });
    const placed = await complete(gateway, cart.id).expect(200);
    await check('AdminOrdersListRes', 'get', '/admin/orders');
    await check('AdminOrdersRes', 'get', `/admin/orders/${placed.body.data.id}`);

    const buyer = await signedUpCustomer(gateway);
    const own = await readyForCheckout(gateway, {
      items: [{ variant_id: V.mugWhite, quantity: 1 }],
      headers: buyer.auth,
    });
    const bought = await complete(gateway, own.id).set(buyer.auth).expect(200);
    const { customers } = await check('AdminCustomersListRes', 'get', '/admin/customers');
    expect(customers.map((customer: Json) => customer.id)).toContain(buyer.id);
    const { customer } = await check('AdminCustomersRes', 'get', `/admin/customers/${buyer.id}`);
    expect(customer.orders.map((order: Json) => order.id)).toEqual([bought.body.data.id]);
  });

  it('lacks nothing Medusa’s types require', () => {
    expect(errors).toEqual({});
  });
});
