import { DemoDiscountCodes, DemoProductIds as P, DemoRegionIds, DemoVariantIds as V } from '@app/contracts';
import request from 'supertest';
import { adminHeaders } from '../support/admin';
import { recordedEvents } from '../support/outbox';
import { Json } from '../support/store-carts';
import { createTestEnvironment, TestEnvironment } from '../support/test-environment';

const EUROPE = DemoRegionIds.europe;

/**
 * Discounts and gift-card products for the merchant (Medusa v1 admin paths), as carts then apply
 * them: a per-item discount on one product, its value changed, disabled, deleted and its code used
 * again; bad rules refused whole; a gift-card product sold as a gift card line.
 */
describe('admin discounts and gift-card products', () => {
  let env: TestEnvironment;
  let gateway: string;
  let admin: Record<string, string>;
  let discount: Json;

  /** A Europe cart of two mugs and a tee with `code` applied: the answer to applying it. */
  const applied = async (code: string) => {
    const cart = await request(gateway)
      .post('/store/carts')
      .send({
        region_id: EUROPE,
        items: [
          { variant_id: V.mugWhite, quantity: 2 },
          { variant_id: V.teeSmallWhite, quantity: 1 },
        ],
      })
      .expect(200);
    return request(gateway)
      .post(`/store/carts/${cart.body.cart.id}`)
      .send({ discounts: [{ code }] });
  };
  const count = async () =>
    (await request(gateway).get('/admin/discounts').set(admin).expect(200)).body.count;

  beforeAll(async () => {
    env = await createTestEnvironment({
      apps: ['catalog', 'cart', 'customer', 'gateway'],
      freshDatabase: true,
    });
    gateway = env.url('gateway');
    admin = await adminHeaders(gateway);
  });
  afterAll(() => env.close());

  it('serves only the merchant', async () => {
    await request(gateway).get('/admin/discounts').expect(401);
  });

  it('creates a discount once per key that carts then apply to the products it names', async () => {
    const create = () =>
      request(gateway)
        .post('/admin/discounts')
        .set(admin)
        .set('Idempotency-Key', 'discount-mug3')
        .send({
          code: 'MUG3',
          rule: {
            type: 'fixed',
            value: 300,
            allocation: 'item',
            description: '€3 off every mug',
            conditions: [{ operator: 'in', products: [P.stonewareMug] }],
          },
          regions: [EUROPE],
        })
        .expect(200);
    discount = (await create()).body.discount;
    expect(discount).toMatchObject({
      id: expect.stringMatching(/^disc_/),
      code: 'MUG3',
      is_disabled: false,
      is_dynamic: false,
      usage_limit: null,
      rule: {
        type: 'fixed',
        value: 300,
        allocation: 'item',
        description: '€3 off every mug',
        conditions: [{ type: 'products', operator: 'in', target_ids: [P.stonewareMug] }],
      },
      regions: [{ id: EUROPE, currency_code: 'eur' }],
    });
    expect((await create()).body.discount.id).toBe(discount.id);
    expect(await recordedEvents(env, 'cart', discount.id)).toEqual(['events.cart.discount-changed']);
    const cart = (await applied('MUG3')).body.cart;
    expect(cart.discount_total).toBe(600);
    const listed = await request(gateway).get('/admin/discounts?q=mug').set(admin).expect(200);
    expect(listed.body.discounts.map((found: Json) => found.code)).toEqual(['MUG3']);
    const byCode = await request(gateway).get('/admin/discounts/code/mug3').set(admin).expect(200);
    expect(byCode.body.discount).toMatchObject({ id: discount.id, regions: [{ id: EUROPE }] });
    const unknown = await request(gateway).get('/admin/discounts/code/NOPE').set(admin).expect(404);
    expect(unknown.body).toMatchObject({
      type: 'not_found',
      message: 'Discount with code NOPE was not found',
    });
  });

  it('applies a changed value, refuses a disabled discount, and frees a deleted one’s code', async () => {
    await request(gateway)
      .post(`/admin/discounts/${discount.id}`)
      .set(admin)
      .send({ rule: { value: 500 } })
      .expect(200);
    expect((await applied('MUG3')).body.cart.discount_total).toBe(1000);

    const disabled = await request(gateway)
      .post(`/admin/discounts/${discount.id}`)
      .set(admin)
      .send({ is_disabled: true })
      .expect(200);
    expect(disabled.body.discount.is_disabled).toBe(true);
    const refused = await applied('MUG3');
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({ type: 'not_allowed', message: 'The discount code is disabled' });

    const deleted = await request(gateway).delete(`/admin/discounts/${discount.id}`).set(admin).expect(200);
    expect(deleted.body).toEqual({ id: discount.id, object: 'discount', deleted: true });
    await request(gateway).get(`/admin/discounts/${discount.id}`).set(admin).expect(404);
    expect((await applied('MUG3')).status).toBe(404);
    await request(gateway)
      .post('/admin/discounts')
      .set(admin)
      .send({ code: 'MUG3', rule: { type: 'percentage', value: 10, allocation: 'total' }, regions: [EUROPE] })
      .expect(200);
  });

  it('refuses bad rules whole', async () => {
    const before = await count();
    const base = {
      code: 'BAD1',
      rule: { type: 'percentage', value: 10, allocation: 'total' },
      regions: [EUROPE],
    };
    const refusals: [Json, number, string?][] = [
      [{ ...base, rule: { ...base.rule, value: 150 } }, 400, 'above 100'],
      [
        {
          ...base,
          rule: { type: 'fixed', value: 100, allocation: 'total' },
          regions: [EUROPE, DemoRegionIds.china],
        },
        400,
        'one region',
      ],
      [{ ...base, regions: ['reg_01NOPE00000000000000000000'] }, 404],
      [{ ...base, code: DemoDiscountCodes.welcome10.toLowerCase() }, 422],
      [
        {
          ...base,
          rule: {
            ...base.rule,
            conditions: [{ operator: 'in', products: [P.classicTee], product_tags: ['ptag_x'] }],
          },
        },
        400,
        'exactly one',
      ],
      [{ ...base, rule: { ...base.rule, type: 'bogus' } }, 400],
      [
        {
          ...base,
          rule: {
            ...base.rule,
            conditions: [
              { operator: 'in', products: [P.classicTee, 'prod_01NOPE'] },
              { operator: 'not_in', product_collections: ['pcol_01NOPE'] },
            ],
          },
        },
        404,
        'Products with ids prod_01NOPE were not found',
      ],
      [
        {
          ...base,
          rule: { ...base.rule, conditions: [{ operator: 'in', customer_groups: ['cgrp_01NOPE'] }] },
        },
        404,
        'Customer groups with ids cgrp_01NOPE were not found',
      ],
    ];
    for (const [body, status, message] of refusals) {
      const answer = await request(gateway).post('/admin/discounts').set(admin).send(body);
      expect({ body, status: answer.status }).toEqual({ body, status });
      if (message) expect(answer.body.message).toContain(message);
    }
    expect(await count()).toBe(before);

    const welcome = (
      await request(gateway).get(`/admin/discounts/code/${DemoDiscountCodes.welcome10}`).set(admin)
    ).body.discount;
    const changed = await request(gateway)
      .post(`/admin/discounts/${welcome.id}`)
      .set(admin)
      .send({ rule: { value: 50, conditions: [{ operator: 'in', product_tags: ['ptag_01NOPE'] }] } });
    expect(changed.status).toBe(404);
    expect(changed.body.message).toBe('Product tags with ids ptag_01NOPE were not found');
    const after = await request(gateway).get(`/admin/discounts/${welcome.id}`).set(admin).expect(200);
    expect(after.body.discount.rule).toEqual(welcome.rule);
  });

  it('creates a gift-card product that the store sells as a gift card', async () => {
    const { body } = await request(gateway)
      .post('/admin/products')
      .set(admin)
      .send({
        title: 'E-Gift Card',
        is_giftcard: true,
        status: 'published',
        options: [{ title: 'Denomination' }],
        variants: [
          {
            title: '€25',
            prices: [{ currency_code: 'eur', amount: 2500 }],
            options: [{ value: '25' }],
            manage_inventory: false,
          },
        ],
      })
      .expect(200);
    expect(body.product).toMatchObject({ is_giftcard: true, discountable: false });
    const store = await request(gateway).get('/store/products?is_giftcard=true').expect(200);
    expect(store.body.products.map((product: Json) => product.id)).toContain(body.product.id);
    const cart = await request(gateway)
      .post('/store/carts')
      .send({ region_id: EUROPE, items: [{ variant_id: body.product.variants[0].id, quantity: 1 }] })
      .expect(200);
    expect(cart.body.cart.items[0]).toMatchObject({
      is_giftcard: true,
      unit_price: 2500,
      allow_discounts: false,
    });
  });
});
