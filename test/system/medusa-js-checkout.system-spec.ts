import { DEMO_PUBLISHABLE_KEY, DemoProductIds, DemoRegionIds, DemoVariantIds } from '@app/contracts';
import Medusa from '@medusajs/medusa-js';
import { medusaSchemaErrors } from '../support/medusa-spec';
import { PaymentStack, startPaymentStack } from '../support/payment-stack';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/**
 * The official client, unchanged (`@medusajs/medusa-js` 6.1.10, retries on, the demo publishable
 * API key): a shopper's whole way from browsing to an order, as a Medusa v1 storefront makes it.
 */
describe('a Medusa v1 storefront (medusa-js) checks out', () => {
  let stack: PaymentStack;
  let medusa: Medusa;

  beforeAll(async () => {
    stack = await startPaymentStack(
      {},
      { apps: ['catalog', 'cart', 'payment', 'order', 'customer', 'gateway'] },
    );
    // As a storefront set up with the store's publishable API key (Medusa v1.20's default).
    medusa = new Medusa({ baseUrl: stack.gateway, maxRetries: 3, publishableApiKey: DEMO_PUBLISHABLE_KEY });
  });
  afterAll(() => stack.close());

  it('browse → cart → address → shipping → payment sessions → manual → complete → order lookup', async () => {
    const { regions } = (await medusa.regions.list()) as Json;
    const europe = regions.find((region: Json) => region.id === DemoRegionIds.europe);
    expect(europe.currency_code).toBe('eur');

    const { products } = (await medusa.products.list({ region_id: europe.id, limit: 20 })) as Json;
    const tee = products.find((product: Json) => product.id === DemoProductIds.classicTee);
    const variant = tee.variants.find((candidate: Json) => candidate.id === DemoVariantIds.teeSmallWhite);
    expect(variant.calculated_price).toBe(1950);

    let { cart } = (await medusa.carts.create({ region_id: europe.id })) as Json;
    expect(cart.sales_channel).toMatchObject({ name: 'Default Sales Channel', is_disabled: false });
    ({ cart } = (await medusa.carts.lineItems.create(cart.id, {
      variant_id: variant.id,
      quantity: 2,
    })) as Json);
    ({ cart } = (await medusa.carts.update(cart.id, {
      email: 'storefront@example.com',
      shipping_address: {
        first_name: 'Ada',
        last_name: 'Lovelace',
        address_1: '1 Rue de la Paix',
        city: 'Paris',
        country_code: 'fr',
        postal_code: '75002',
      },
    })) as Json);
    const { shipping_options } = (await medusa.shippingOptions.listCartOptions(cart.id)) as Json;
    const standard = shipping_options.find((option: Json) => option.name === 'Standard Shipping');
    ({ cart } = (await medusa.carts.addShippingMethod(cart.id, { option_id: standard.id })) as Json);
    ({ cart } = (await medusa.carts.createPaymentSessions(cart.id)) as Json);
    ({ cart } = (await medusa.carts.setPaymentSession(cart.id, { provider_id: 'manual' })) as Json);
    expect(cart.payment_session).toMatchObject({ provider_id: 'manual', is_selected: true });
    expect(cart.total).toBe(2 * 1950 + 800 + Math.round(0.2 * (2 * 1950)) + 160);

    const completed = (await medusa.carts.complete(cart.id)) as Json;
    expect(completed.type).toBe('order');
    expect(
      medusaSchemaErrors('StoreCompleteCartRes', { type: completed.type, data: completed.data }),
    ).toBeNull();
    const placed = completed.data;
    expect(placed).toMatchObject({ cart_id: cart.id, total: cart.total, email: 'storefront@example.com' });

    const { order } = (await medusa.orders.lookupOrder({
      display_id: placed.display_id,
      email: 'storefront@example.com',
    })) as Json;
    expect(order.id).toBe(placed.id);
    const byCart = (await medusa.orders.retrieveByCartId(cart.id)) as Json;
    expect(byCart.order.id).toBe(placed.id);
    // A retry of the completion (medusa-js sends a new key each call) finds the same order.
    const again = (await medusa.carts.complete(cart.id)) as Json;
    expect(again.data.id).toBe(placed.id);
  });

  it('sees Medusa’s errors as errors, with their type and message', async () => {
    const failure = await medusa.carts.retrieve('cart_missing').catch((error: Json) => error.response);
    expect(failure.status).toBe(404);
    expect(failure.data).toEqual({ type: 'not_found', message: 'Cart with cart_missing was not found' });
  });
});
