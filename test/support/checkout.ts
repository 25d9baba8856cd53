import { DemoRegionIds } from '@app/contracts';
import request from 'supertest';
import { Json } from './store-carts';

const SHIPPING = {
  [DemoRegionIds.europe]: { country: 'fr', city: 'Paris' },
  [DemoRegionIds.china]: { country: 'cn', city: '上海' },
} as const;

/**
 * A cart as a storefront brings it to checkout: items, email, shipping address, the cheapest
 * shipping option of each of its shipping profiles, payment sessions and `provider` selected.
 * Returns the cart.
 */
export async function readyForCheckout(
  gateway: string,
  options: {
    region_id?: string;
    items: { variant_id: string; quantity: number }[];
    provider?: string;
    email?: string;
    /** A signed-in customer's headers: the cart is theirs. */
    headers?: Record<string, string>;
    /** False: no payment sessions (a cart to submit, paid after its order is placed). */
    payment?: boolean;
  },
): Promise<Json> {
  const region = (options.region_id ?? DemoRegionIds.europe) as keyof typeof SHIPPING;
  const shipping = SHIPPING[region];
  const post = async (path: string, body: object = {}) =>
    (
      await request(gateway)
        .post(path)
        .set(options.headers ?? {})
        .send(body)
        .expect(200)
    ).body.cart as Json;
  const cart = await post('/store/carts', { region_id: region, items: options.items });
  await post(`/store/carts/${cart.id}`, {
    ...(options.headers
      ? {}
      : { email: options.email ?? `shopper+${cart.id.slice(-6).toLowerCase()}@example.com` }),
    shipping_address: {
      first_name: 'Ada',
      last_name: 'Lovelace',
      address_1: '1 Rue de la Paix',
      city: shipping.city,
      postal_code: '75002',
      country_code: shipping.country,
    },
  });
  const { shipping_options } = (
    await request(gateway)
      .get(`/store/shipping-options/${cart.id}`)
      .set(options.headers ?? {})
      .expect(200)
  ).body;
  const cheapest = new Map<string, Json>();
  for (const option of shipping_options as Json[]) {
    const known = cheapest.get(option.profile_id);
    if (!known || option.amount < known.amount) cheapest.set(option.profile_id, option);
  }
  for (const option of cheapest.values())
    await post(`/store/carts/${cart.id}/shipping-methods`, { option_id: option.id });
  if (options.payment === false) return post(`/store/carts/${cart.id}`);
  await post(`/store/carts/${cart.id}/payment-sessions`);
  return post(`/store/carts/${cart.id}/payment-session`, { provider_id: options.provider ?? 'manual' });
}

/** `POST /store/carts/{id}/complete`, with an Idempotency-Key when given. */
export function complete(gateway: string, cartId: string, key?: string) {
  const call = request(gateway).post(`/store/carts/${cartId}/complete`);
  return key ? call.set('Idempotency-Key', key) : call;
}

/**
 * `complete` as medusa-js sends it with retries: a 409 (another completion of the cart still in
 * flight, e.g. the one the provider's notification started) is retried with the same key.
 */
export async function completeRetrying(gateway: string, cartId: string, key: string) {
  for (let attempt = 1; ; attempt += 1) {
    const answer = await complete(gateway, cartId, key);
    if (answer.status !== 409 || attempt === 5) return answer;
    await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
  }
}

/** The cart's order once it is placed (by a completion or by the provider's notification). */
export async function placedOrder(gateway: string, cartId: string): Promise<Json> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const answer = await request(gateway).get(`/store/orders/cart/${cartId}`);
    if (answer.status === 200) return answer.body.order;
    if (Date.now() > deadline) throw new Error(`no order for ${cartId} within 15 s`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
