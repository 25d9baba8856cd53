import {
  DemoDiscountCodes as CODES,
  DemoGiftCardCodes as CARDS,
  DemoRegionIds,
  DemoShippingOptionIds as SO,
  DemoVariantIds as V,
} from '@app/contracts';
import request from 'supertest';
import { cartTotals, Json, lineOf, storeCarts } from '../support/store-carts';
import { createTestEnvironment, TestEnvironment } from '../support/test-environment';

const EUROPE = DemoRegionIds.europe;
const CHINA = DemoRegionIds.china;

describe('store API: discounts and gift cards on carts', () => {
  let env: TestEnvironment;
  let gateway: string;
  let carts: ReturnType<typeof storeCarts>;
  /** A cart with the given lines (and a shipping method), ready for codes. */
  const cartWith = async (region_id: string, items: [string, number][], option?: string): Promise<Json> => {
    const cart = await carts.create({
      region_id,
      items: items.map(([variant_id, quantity]) => ({ variant_id, quantity })),
    });
    return option ? carts.ship(cart.id, option) : cart;
  };
  const apply = (cart: Json, body: object) => request(gateway).post(`/store/carts/${cart.id}`).send(body);

  beforeAll(async () => {
    env = await createTestEnvironment({ apps: ['catalog', 'cart', 'gateway'] });
    gateway = env.url('gateway');
    carts = storeCarts(gateway);
  });
  afterAll(() => env.close());

  describe('discounts', () => {
    it('a percentage discount reduces each line, then the tax on what remains', async () => {
      const cart = await cartWith(EUROPE, [[V.teeSmallWhite, 2]], SO.europeStandard);
      const discounted = await carts.update(cart.id, { discounts: [{ code: CODES.welcome10 }] });
      expect(discounted.discounts.map((discount: Json) => discount.code)).toEqual([CODES.welcome10]);
      expect(discounted.discounts[0].rule).toMatchObject({
        type: 'percentage',
        value: 10,
        allocation: 'total',
      });
      expect(lineOf(discounted, V.teeSmallWhite)).toMatchObject({
        subtotal: 3900,
        discount_total: 390,
        tax_total: 702,
        total: 4212,
        adjustments: [expect.objectContaining({ amount: 390, discount_id: discounted.discounts[0].id })],
      });
      expect(cartTotals(discounted)).toEqual({
        subtotal: 3900,
        discount_total: 390,
        item_tax_total: 702,
        shipping_total: 800,
        shipping_tax_total: 160,
        tax_total: 862,
        gift_card_total: 0,
        gift_card_tax_total: 0,
        total: 5172,
      });
    });

    it('a fixed discount over the total is spread over the lines by their share, unrounded', async () => {
      const cart = await cartWith(EUROPE, [
        [V.teeSmallWhite, 2],
        [V.mugWhite, 1],
      ]);
      const discounted = await carts.update(cart.id, { discounts: [{ code: CODES.fiveOff }] });
      // 500 × 3900 / 5400 = 361.11 and 500 × 1500 / 5400 = 138.89: tax on the unrounded remainder.
      expect(lineOf(discounted, V.teeSmallWhite)).toMatchObject({ discount_total: 361, tax_total: 708 });
      expect(lineOf(discounted, V.mugWhite)).toMatchObject({ discount_total: 139, tax_total: 272 });
      expect(cartTotals(discounted)).toMatchObject({
        subtotal: 5400,
        discount_total: 500,
        item_tax_total: 980,
        total: 5880,
      });
    });

    it('a fixed discount per item applies to every unit of the products it names, and only those', async () => {
      const cart = await cartWith(
        CHINA,
        [
          [V.teeSmallWhite, 2],
          [V.mugWhite, 1],
        ],
        SO.chinaStandard,
      );
      const discounted = await carts.update(cart.id, { discounts: [{ code: CODES.teeTwenty }] });
      expect(lineOf(discounted, V.teeSmallWhite)).toMatchObject({ subtotal: 19800, discount_total: 4000 });
      expect(lineOf(discounted, V.mugWhite).discount_total).toBe(0);
      expect(discounted.discount_total).toBe(4000);
      expect(discounted.total).toBe(discounted.subtotal - 4000 + 1000);
    });

    it('a product-type condition limits the discount to that type', async () => {
      const cart = await cartWith(EUROPE, [
        [V.mugWhite, 1],
        [V.teeSmallWhite, 1],
      ]);
      const discounted = await carts.update(cart.id, { discounts: [{ code: CODES.home15 }] });
      expect(lineOf(discounted, V.mugWhite).discount_total).toBe(225);
      expect(lineOf(discounted, V.teeSmallWhite).discount_total).toBe(0);
      expect(discounted.discount_total).toBe(225);
    });

    it('free shipping zeroes the shipping totals without adding to the discount total', async () => {
      const cart = await cartWith(EUROPE, [[V.tote, 1]], SO.europeExpress);
      const free = await carts.update(cart.id, { discounts: [{ code: CODES.freeShipping }] });
      expect(free.shipping_methods[0]).toMatchObject({ price: 1500, subtotal: 0, tax_total: 0, total: 0 });
      expect(cartTotals(free)).toMatchObject({
        shipping_total: 0,
        shipping_tax_total: 0,
        discount_total: 0,
        total: 1700 + 340,
      });
    });

    it('keeps one free-shipping and one other discount: a second of a kind replaces the first', async () => {
      const cart = await cartWith(EUROPE, [[V.tote, 1]]);
      await carts.update(cart.id, { discounts: [{ code: CODES.welcome10 }, { code: CODES.freeShipping }] });
      const replaced = await carts.update(cart.id, {
        discounts: [{ code: CODES.freeShipping }, { code: CODES.fiveOff }],
      });
      expect(replaced.discounts.map((discount: Json) => discount.code).sort()).toEqual([
        CODES.fiveOff,
        CODES.freeShipping,
      ]);
      const two = await apply(cart, { discounts: [{ code: CODES.welcome10 }, { code: CODES.fiveOff }] });
      expect(two.status).toBe(200);
      expect(two.body.cart.discounts.map((discount: Json) => discount.code)).toEqual([CODES.fiveOff]);
    });

    it.each([
      ['NO-SUCH-CODE', 404, 'not_found', 'Discount with code NO-SUCH-CODE was not found'],
      [CODES.expired, 400, 'not_allowed', 'Discount is expired'],
      [CODES.usedUp, 400, 'not_allowed', 'Discount has been used maximum allowed times'],
      [CODES.disabled, 400, 'not_allowed', 'The discount code is disabled'],
      [CODES.fiveOff, 400, 'invalid_data', 'The discount is not available in current region'],
    ])('refuses %s as Medusa does, leaving the cart unchanged', async (code, status, type, message) => {
      const cart = await cartWith(CHINA, [[V.teeSmallWhite, 1]]);
      await carts.update(cart.id, { discounts: [{ code: CODES.welcome10 }] });
      const response = await apply(cart, { email: 'kept-out@example.com', discounts: [{ code }] });
      expect(response.status).toBe(status);
      expect(response.body).toEqual({ type, message });
      const after = await carts.get(cart.id);
      expect(after.email).toBeNull();
      expect(after.discounts.map((discount: Json) => discount.code)).toEqual([CODES.welcome10]);
    });

    it('a discount is removed by code; removing one the cart lacks is a no-op', async () => {
      const cart = await cartWith(EUROPE, [[V.tote, 1]]);
      await carts.update(cart.id, { discounts: [{ code: CODES.welcome10 }] });
      const removed = await request(gateway)
        .delete(`/store/carts/${cart.id}/discounts/${CODES.welcome10}`)
        .expect(200);
      expect(removed.body.cart).toMatchObject({ discounts: [], discount_total: 0 });
      expect(lineOf(removed.body.cart, V.tote).adjustments).toEqual([]);
      await request(gateway).delete(`/store/carts/${cart.id}/discounts/${CODES.welcome10}`).expect(200);
    });

    it('a discount is recomputed when the lines change', async () => {
      const cart = await cartWith(EUROPE, [[V.tote, 1]]);
      await carts.update(cart.id, { discounts: [{ code: CODES.welcome10 }] });
      const more = await carts.add(cart.id, V.tote, 1);
      expect(lineOf(more, V.tote)).toMatchObject({ subtotal: 3400, discount_total: 340 });
    });
  });

  describe('gift cards', () => {
    it('pay what remains after discounts, with the region’s tax when gift cards are taxable', async () => {
      const cart = await cartWith(EUROPE, [[V.teeSmallWhite, 2]], SO.europeStandard);
      const paid = await carts.update(cart.id, {
        discounts: [{ code: CODES.welcome10 }],
        gift_cards: [{ code: CARDS.europe50 }],
      });
      expect(paid.gift_cards.map((card: Json) => card.code)).toEqual([CARDS.europe50]);
      expect(cartTotals(paid)).toEqual({
        subtotal: 3900,
        discount_total: 390,
        item_tax_total: 702,
        shipping_total: 800,
        shipping_tax_total: 160,
        tax_total: 862,
        gift_card_total: 4310,
        gift_card_tax_total: 862,
        total: 0,
      });
    });

    it('cover part of a larger cart, up to their balance', async () => {
      const cart = await cartWith(EUROPE, [[V.teeSmallWhite, 4]]);
      const paid = await carts.update(cart.id, { gift_cards: [{ code: CARDS.europe50 }] });
      // 7800 + 1560 tax; the card pays 5000 and its tax 1000.
      expect(cartTotals(paid)).toMatchObject({
        gift_card_total: 5000,
        gift_card_tax_total: 1000,
        total: 3360,
      });
    });

    it('in a region whose gift cards are not taxable, pay the total including tax', async () => {
      const cart = await cartWith(CHINA, [[V.teeSmallWhite, 1]], SO.chinaStandard);
      const paid = await carts.update(cart.id, { gift_cards: [{ code: CARDS.china200 }] });
      expect(cartTotals(paid)).toMatchObject({ gift_card_total: 10900, gift_card_tax_total: 0, total: 0 });
    });

    it.each([
      ['NO-SUCH-CARD', 404, 'not_found', 'Gift card with code NO-SUCH-CARD was not found'],
      [CARDS.disabled, 400, 'not_allowed', 'The gift card is disabled'],
      [CARDS.china200, 400, 'not_allowed', 'The gift card cannot be used in the current region'],
    ])('refuses %s as Medusa does', async (code, status, type, message) => {
      const cart = await cartWith(EUROPE, [[V.tote, 1]]);
      const response = await apply(cart, { gift_cards: [{ code }] });
      expect(response.status).toBe(status);
      expect(response.body).toEqual({ type, message });
      expect((await carts.get(cart.id)).gift_cards).toEqual([]);
    });

    it('shows a gift card by code, and 404 for an unknown or disabled one', async () => {
      const found = await request(gateway).get(`/store/gift-cards/${CARDS.china200}`).expect(200);
      expect(found.body.gift_card).toMatchObject({ value: 20000, balance: 20000, region_id: CHINA });
      for (const code of ['NO-SUCH-CARD', CARDS.disabled]) {
        const missing = await request(gateway).get(`/store/gift-cards/${code}`).expect(404);
        expect(missing.body.type).toBe('not_found');
      }
    });
  });
});
