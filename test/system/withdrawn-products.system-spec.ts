import { DemoProductIds as P, DemoRegionIds, DemoVariantIds as V } from '@app/contracts';
import request from 'supertest';
import { adminHeaders } from '../support/admin';
import { readyForCheckout } from '../support/checkout';
import { Json } from '../support/store-carts';
import { createTestEnvironment, TestEnvironment } from '../support/test-environment';

/**
 * A product the merchant deletes while open carts hold it: those carts stay as they were — readable,
 * their totals unchanged, other lines changeable — until a change prices their lines again (a new
 * region, a sign-in, a new channel), which removes the withdrawn line; a checkout never sells it.
 */
describe('carts holding a product the merchant deletes', () => {
  let env: TestEnvironment;
  let gateway: string;
  let admin: Record<string, string>;

  beforeAll(async () => {
    env = await createTestEnvironment({
      apps: ['catalog', 'cart', 'payment', 'order', 'customer', 'gateway'],
      freshDatabase: true,
    });
    gateway = env.url('gateway');
    admin = await adminHeaders(gateway);
  });
  afterAll(() => env.close());

  it('keeps the cart valid until a change prices its lines again, which removes the withdrawn line', async () => {
    const created = await request(gateway)
      .post('/store/carts')
      .send({
        region_id: DemoRegionIds.europe,
        items: [
          { variant_id: V.mugWhite, quantity: 1 },
          { variant_id: V.teeSmallWhite, quantity: 1 },
        ],
      })
      .expect(200);
    const cartId = created.body.cart.id;
    const before = created.body.cart;
    const ready = await readyForCheckout(gateway, { items: [{ variant_id: V.mugWhite, quantity: 1 }] });

    await request(gateway).delete(`/admin/products/${P.stonewareMug}`).set(admin).expect(200);

    const read = await request(gateway).get(`/store/carts/${cartId}`).expect(200);
    expect(read.body.cart.items.map((item: Json) => item.variant_id).sort()).toEqual(
      [V.mugWhite, V.teeSmallWhite].sort(),
    );
    expect(read.body.cart.total).toBe(before.total);
    const tee = read.body.cart.items.find((item: Json) => item.variant_id === V.teeSmallWhite);
    const changed = await request(gateway)
      .post(`/store/carts/${cartId}/line-items/${tee.id}`)
      .send({ quantity: 2 })
      .expect(200);
    expect(changed.body.cart.items).toHaveLength(2);

    const moved = await request(gateway)
      .post(`/store/carts/${cartId}`)
      .send({ region_id: DemoRegionIds.china })
      .expect(200);
    expect(moved.body.cart.items.map((item: Json) => item.variant_id)).toEqual([V.teeSmallWhite]);
    expect(moved.body.cart.items[0]).toMatchObject({ quantity: 2, unit_price: 9900 });

    const refused = await request(gateway).post(`/store/carts/${ready.id}/complete`);
    expect(refused.status).toBe(404);
    expect(refused.body.message).toContain(V.mugWhite);
    await request(gateway).get(`/store/orders/cart/${ready.id}`).expect(404);
  });
});
