import { DemoRegionIds, DemoShippingOptionIds, DemoVariantIds } from '@app/contracts';
import request from 'supertest';
import { medusaSchemaErrors } from '../support/medusa-spec';
import { cartTotals, Json, lineOf, storeCarts } from '../support/store-carts';
import { createTestEnvironment, TestEnvironment } from '../support/test-environment';

const EUROPE = DemoRegionIds.europe;
const CHINA = DemoRegionIds.china;
const V = DemoVariantIds;
const SO = DemoShippingOptionIds;

describe('store API: carts', () => {
  let env: TestEnvironment;
  let gateway: string;
  let carts: ReturnType<typeof storeCarts>;

  beforeAll(async () => {
    env = await createTestEnvironment({ apps: ['catalog', 'cart', 'gateway'] });
    gateway = env.url('gateway');
    carts = storeCarts(gateway);
  });
  afterAll(() => env.close());

  describe('shapes', () => {
    it('every cart route answers StoreCartsRes', async () => {
      const created = await request(gateway)
        .post('/store/carts')
        .send({ region_id: EUROPE, items: [{ variant_id: V.teeSmallWhite, quantity: 1 }] })
        .expect(200);
      expect(medusaSchemaErrors('StoreCartsRes', created.body)).toBeNull();
      const id = created.body.cart.id;
      const line = created.body.cart.items[0].id;
      const responses = [
        await request(gateway).get(`/store/carts/${id}`),
        await request(gateway)
          .post(`/store/carts/${id}/line-items`)
          .send({ variant_id: V.mugWhite, quantity: 2 }),
        await request(gateway).post(`/store/carts/${id}/line-items/${line}`).send({ quantity: 3 }),
        await request(gateway)
          .post(`/store/carts/${id}/shipping-methods`)
          .send({ option_id: SO.europeStandard }),
        await request(gateway)
          .post(`/store/carts/${id}`)
          .send({
            email: 'ada@example.com',
            discounts: [{ code: 'WELCOME10' }],
            gift_cards: [{ code: 'GIFT-EU-50' }],
          }),
        await request(gateway).post(`/store/carts/${id}/taxes`),
        await request(gateway).delete(`/store/carts/${id}/discounts/WELCOME10`),
        await request(gateway).delete(`/store/carts/${id}/line-items/${line}`),
      ];
      for (const response of responses) {
        expect(response.status).toBe(200);
        expect(medusaSchemaErrors('StoreCartsRes', response.body)).toBeNull();
      }
    });

    it('lists the shipping options of a cart and shows a gift card in Medusa’s shapes', async () => {
      const cart = await carts.create({ region_id: EUROPE, items: [{ variant_id: V.tote, quantity: 1 }] });
      const options = await request(gateway).get(`/store/shipping-options/${cart.id}`).expect(200);
      expect(medusaSchemaErrors('StoreShippingOptionsListRes', options.body)).toBeNull();
      const card = await request(gateway).get('/store/gift-cards/GIFT-EU-50').expect(200);
      expect(medusaSchemaErrors('StoreGiftCardsRes', card.body)).toBeNull();
      expect(card.body.gift_card).toMatchObject({ code: 'GIFT-EU-50', value: 5000, region_id: EUROPE });
    });
  });

  describe('creation', () => {
    it('uses the default region when none is given, and records the caller in the context', async () => {
      const response = await request(gateway)
        .post('/store/carts')
        .set('User-Agent', 'shop-app/2')
        .send({})
        .expect(200);
      const { cart } = response.body;
      expect(cart).toMatchObject({ region_id: EUROPE, items: [], total: 0, completed_at: null });
      expect(cart.context).toMatchObject({ user_agent: 'shop-app/2', ip: expect.any(String) });
      expect(cart.shipping_address).toBeNull();
    });

    it('ships to the only country of a one-country region, or to the given one', async () => {
      const china = await carts.create({ region_id: CHINA });
      expect(china.shipping_address).toMatchObject({ country_code: 'cn' });
      const france = await carts.create({ region_id: EUROPE, country_code: 'FR' });
      expect(france.shipping_address).toMatchObject({ country_code: 'fr' });
      const outside = await request(gateway)
        .post('/store/carts')
        .send({ region_id: EUROPE, country_code: 'cn' });
      expect(outside.status).toBe(400);
      expect(outside.body).toEqual({ type: 'not_allowed', message: 'Country not available in region' });
    });

    it('prices the first items from the catalog, merging lines of one variant and applying tiers', async () => {
      const cart = await carts.create({
        region_id: EUROPE,
        items: [
          { variant_id: V.socksSmall, quantity: 2 },
          { variant_id: V.socksSmall, quantity: 1 },
          { variant_id: V.tote, quantity: 1 },
        ],
      });
      expect(cart.sales_channel).toMatchObject({ id: cart.sales_channel_id, name: 'Default Sales Channel' });
      expect(cart.items).toHaveLength(2);
      expect(lineOf(cart, V.socksSmall)).toMatchObject({ quantity: 3, unit_price: 1000, subtotal: 3000 });
      // The tote has a Europe region price (€17.00) beside its €18.00 currency price.
      expect(lineOf(cart, V.tote)).toMatchObject({ quantity: 1, unit_price: 1700 });
    });
  });

  describe('line items', () => {
    it('merges a variant added again with the same metadata, and keeps a separate line otherwise', async () => {
      const cart = await carts.create({ region_id: EUROPE });
      await carts.add(cart.id, V.teeSmallWhite, 1);
      await carts.add(cart.id, V.teeSmallWhite, 2);
      const engraved = await carts.add(cart.id, V.teeSmallWhite, 1, { print: 'Ada' });
      expect(engraved.items.map((item: Json) => [item.quantity, item.metadata])).toEqual(
        expect.arrayContaining([
          [3, {}],
          [1, { print: 'Ada' }],
        ]),
      );
      expect(engraved.items).toHaveLength(2);
    });

    it('reprices a line when its quantity changes (quantity tiers), and removes it at quantity 0', async () => {
      const cart = await carts.create({ region_id: EUROPE });
      const one = await carts.add(cart.id, V.mugWhite, 1);
      expect(lineOf(one, V.mugWhite).unit_price).toBe(1500);
      const line = lineOf(one, V.mugWhite).id;
      const two = await carts.setQuantity(cart.id, line, 2);
      expect(lineOf(two, V.mugWhite)).toMatchObject({ quantity: 2, unit_price: 1300, subtotal: 2600 });
      const none = await carts.setQuantity(cart.id, line, 0);
      expect(none.items).toEqual([]);
    });

    it('computes each line’s totals with the region’s tax', async () => {
      const cart = await carts.create({
        region_id: EUROPE,
        items: [{ variant_id: V.teeSmallWhite, quantity: 2 }],
      });
      expect(cart.items[0]).toMatchObject({
        unit_price: 1950,
        subtotal: 3900,
        discount_total: 0,
        tax_total: 780,
        total: 4680,
        original_total: 4680,
        original_tax_total: 780,
        tax_lines: [{ rate: 20, name: 'default', code: 'default', item_id: cart.items[0].id }],
      });
    });

    it('drops the shipping methods whenever the lines change (Medusa’s rule)', async () => {
      const cart = await carts.create({ region_id: EUROPE, items: [{ variant_id: V.tote, quantity: 1 }] });
      const shipped = await carts.ship(cart.id, SO.europeStandard);
      expect(shipped.shipping_methods).toHaveLength(1);
      expect(shipped.shipping_total).toBe(800);
      const added = await carts.add(cart.id, V.mugWhite, 1);
      expect(added.shipping_methods).toEqual([]);
      expect(added.shipping_total).toBe(0);
    });
  });

  describe('shipping', () => {
    it('offers the region’s options whose requirements the cart meets, with tax-inclusive prices', async () => {
      const small = await carts.create({ region_id: EUROPE, items: [{ variant_id: V.tote, quantity: 1 }] });
      const { shipping_options } = (
        await request(gateway).get(`/store/shipping-options/${small.id}`).expect(200)
      ).body;
      const offered = Object.fromEntries(
        shipping_options.map((option: Json) => [option.id, option.price_incl_tax]),
      );
      expect(offered).toEqual({ [SO.europeStandard]: 960, [SO.europeExpress]: 1800 });

      const large = await carts.create({
        region_id: EUROPE,
        items: [{ variant_id: V.teeSmallWhite, quantity: 6 }],
      });
      const options = (await request(gateway).get(`/store/shipping-options/${large.id}`).expect(200)).body
        .shipping_options;
      expect(options.map((option: Json) => option.id)).toContain(SO.europeFree);
    });

    it('adds a method at the option’s price with its tax, one per shipping profile', async () => {
      const cart = await carts.create({ region_id: EUROPE, items: [{ variant_id: V.tote, quantity: 1 }] });
      await carts.ship(cart.id, SO.europeStandard);
      const express = await carts.ship(cart.id, SO.europeExpress);
      expect(express.shipping_methods).toHaveLength(1);
      expect(express.shipping_methods[0]).toMatchObject({
        shipping_option_id: SO.europeExpress,
        price: 1500,
        subtotal: 1500,
        tax_total: 300,
        total: 1800,
      });
      expect(cartTotals(express)).toEqual({
        subtotal: 1700,
        discount_total: 0,
        item_tax_total: 340,
        shipping_total: 1500,
        shipping_tax_total: 300,
        tax_total: 640,
        gift_card_total: 0,
        gift_card_tax_total: 0,
        total: 3840,
      });
    });

    it('refuses an option of another region, an unmet requirement, a return or admin-only option', async () => {
      const cart = await carts.create({ region_id: EUROPE, items: [{ variant_id: V.tote, quantity: 1 }] });
      const attempt = (option_id: string) =>
        request(gateway).post(`/store/carts/${cart.id}/shipping-methods`).send({ option_id });
      expect((await attempt(SO.chinaStandard)).body).toMatchObject({ type: 'invalid_data' });
      const free = await attempt(SO.europeFree);
      expect(free.status).toBe(400);
      expect(free.body.type).toBe('not_allowed');
      expect((await attempt(SO.europeCourier)).status).toBe(404);
      expect((await attempt(SO.europeReturn)).body).toMatchObject({ type: 'not_found' });
      expect((await carts.get(cart.id)).shipping_methods).toEqual([]);
    });
  });

  describe('updates', () => {
    it('moving to another region reprices every line and clears shipping methods and gift cards', async () => {
      const cart = await carts.create({
        region_id: EUROPE,
        items: [{ variant_id: V.teeSmallWhite, quantity: 1 }],
      });
      await carts.ship(cart.id, SO.europeStandard);
      await carts.update(cart.id, { gift_cards: [{ code: 'GIFT-EU-50' }] });
      const moved = await carts.update(cart.id, { region_id: CHINA });
      expect(moved).toMatchObject({ region_id: CHINA, shipping_methods: [], gift_cards: [] });
      expect(lineOf(moved, V.teeSmallWhite).unit_price).toBe(9900);
      expect(moved.shipping_address).toMatchObject({ country_code: 'cn' });
      expect(moved.region.currency_code).toBe('cny');
    });

    it('sets the email and addresses, given as objects or as the id of an address', async () => {
      const cart = await carts.create({ region_id: EUROPE });
      const address = {
        first_name: 'Ada',
        last_name: 'Lovelace',
        address_1: '1 Rue',
        city: 'Paris',
        country_code: 'fr',
      };
      const updated = await carts.update(cart.id, {
        email: 'ada@example.com',
        shipping_address: address,
        billing_address: { ...address, city: 'Lyon' },
      });
      expect(updated.email).toBe('ada@example.com');
      expect(updated.shipping_address).toMatchObject(address);
      expect(updated.billing_address).toMatchObject({ city: 'Lyon' });
      const other = await carts.create({ region_id: EUROPE });
      const byId = await carts.update(other.id, { billing_address: updated.shipping_address.id });
      expect(byId.billing_address_id).toBe(updated.shipping_address.id);
    });

    it('refuses a shipping address outside the cart’s region without changing the cart', async () => {
      const cart = await carts.create({ region_id: EUROPE, country_code: 'de' });
      const response = await request(gateway)
        .post(`/store/carts/${cart.id}`)
        .send({ email: 'x@example.com', shipping_address: { country_code: 'cn' } })
        .expect(400);
      expect(response.body).toEqual({
        type: 'not_allowed',
        message: 'Shipping country must be in the cart region',
      });
      const after = await carts.get(cart.id);
      expect(after.email).toBeNull();
      expect(after.shipping_address.country_code).toBe('de');
    });
  });

  describe('cart_id pricing of products and variants', () => {
    it('prices in the cart’s region and currency', async () => {
      const cart = await carts.create({ region_id: CHINA });
      const { variant } = (
        await request(gateway).get(`/store/variants/${V.teeSmallWhite}?cart_id=${cart.id}`).expect(200)
      ).body;
      expect(variant).toMatchObject({ calculated_price: 9900, original_price: 9900 });
      const { products } = (
        await request(gateway).get(`/store/products?cart_id=${cart.id}&limit=2`).expect(200)
      ).body;
      for (const price of products.flatMap((product: Json) => product.variants)) {
        expect(typeof price.calculated_price).toBe('number');
      }
      const unknown = await request(gateway).get(`/store/variants/${V.teeSmallWhite}?cart_id=cart_missing`);
      expect(unknown.status).toBe(404);
      expect(unknown.body.type).toBe('not_found');
    });
  });
});
