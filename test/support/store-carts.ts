import request from 'supertest';

export type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** A storefront's cart calls through the gateway, each expecting success and returning the cart. */
export function storeCarts(gateway: string) {
  const post = async (path: string, body: object = {}): Promise<Json> =>
    (await request(gateway).post(path).send(body).expect(200)).body.cart;
  return {
    create: (body: object = {}) => post('/store/carts', body),
    get: async (id: string): Promise<Json> =>
      (await request(gateway).get(`/store/carts/${id}`).expect(200)).body.cart,
    update: (id: string, body: object) => post(`/store/carts/${id}`, body),
    add: (id: string, variant_id: string, quantity: number, metadata?: object) =>
      post(`/store/carts/${id}/line-items`, { variant_id, quantity, metadata }),
    setQuantity: (id: string, lineId: string, quantity: number) =>
      post(`/store/carts/${id}/line-items/${lineId}`, { quantity }),
    ship: (id: string, option_id: string) => post(`/store/carts/${id}/shipping-methods`, { option_id }),
  };
}

/** The cart-level totals Medusa shows, for compact assertions. */
export function cartTotals(cart: Json) {
  const keys = [
    'subtotal',
    'discount_total',
    'item_tax_total',
    'shipping_total',
    'shipping_tax_total',
    'tax_total',
    'gift_card_total',
    'gift_card_tax_total',
    'total',
  ];
  return Object.fromEntries(keys.map((key) => [key, cart[key]]));
}

/** A line's totals by variant id. */
export function lineOf(cart: Json, variantId: string): Json {
  const line = cart.items.find((item: Json) => item.variant_id === variantId);
  if (!line) throw new Error(`no line of ${variantId} in cart ${cart.id}`);
  return line;
}
