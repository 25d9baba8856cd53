import { DemoVariantIds as V } from '@app/contracts';
import request from 'supertest';
import { adminHeaders } from '../support/admin';
import { complete, readyForCheckout } from '../support/checkout';
import { Json } from '../support/store-carts';
import { createTestEnvironment, TestEnvironment } from '../support/test-environment';

/**
 * A variant's stock for the merchant (`/admin/variants/{id}/inventory`): levels, open reservations,
 * adjustments by a delta with a reason — and an adjustment racing checkouts of the last units never
 * takes the stock below zero nor sells a unit twice.
 */
describe('admin inventory: stock levels, reservations, adjustments', () => {
  let env: TestEnvironment;
  let gateway: string;
  let admin: Record<string, string>;
  const inventory = async (variantId: string): Promise<Json> =>
    (await request(gateway).get(`/admin/variants/${variantId}/inventory`).set(admin).expect(200)).body
      .variant;
  const adjust = (variantId: string, adjustment: number, reason = 'stock count') =>
    request(gateway).post(`/admin/variants/${variantId}/inventory`).set(admin).send({ adjustment, reason });

  beforeAll(async () => {
    env = await createTestEnvironment({
      apps: ['catalog', 'cart', 'payment', 'order', 'customer', 'gateway'],
      freshDatabase: true,
    });
    gateway = env.url('gateway');
    admin = await adminHeaders(gateway);
  });
  afterAll(() => env.close());

  it('shows a variant’s stock, open reservations and adjustments; adjusts once per key', async () => {
    const before = await inventory(V.teeMediumBlack);
    expect(before).toMatchObject({
      id: V.teeMediumBlack,
      manage_inventory: true,
      reserved_quantity: 0,
      inventory_quantity: before.stocked_quantity,
      reservations: [],
      adjustments: [],
    });
    const added = await adjust(V.teeMediumBlack, 5, 'delivery from the workshop')
      .set('Idempotency-Key', 'delivery-42')
      .expect(200);
    expect(added.body.variant).toMatchObject({ stocked_quantity: before.stocked_quantity + 5 });
    expect(added.body.variant.adjustments).toEqual([
      expect.objectContaining({
        adjustment: 5,
        reason: 'delivery from the workshop',
        stocked_quantity: before.stocked_quantity + 5,
      }),
    ]);
    const replayed = await adjust(V.teeMediumBlack, 5, 'delivery from the workshop')
      .set('Idempotency-Key', 'delivery-42')
      .expect(200);
    expect(replayed.body.variant.stocked_quantity).toBe(before.stocked_quantity + 5);
    expect((await inventory(V.teeMediumBlack)).adjustments).toHaveLength(1);
    const events = await env.sql<{ n: number }>(
      "SELECT count(*)::int AS n FROM catalog.outbox WHERE subject = 'events.catalog.product-updated'",
    );
    expect(events[0].n).toBe(1);
  });

  it('refuses an adjustment below what is unreserved, a zero one, one without a reason, an unknown variant', async () => {
    const { inventory_quantity } = await inventory(V.teeMediumBlack);
    const below = await adjust(V.teeMediumBlack, -(inventory_quantity + 1));
    expect({ status: below.status, code: below.body.code }).toEqual({
      status: 400,
      code: 'insufficient_inventory',
    });
    expect((await adjust(V.teeMediumBlack, 0)).status).toBe(400);
    expect(
      (
        await request(gateway)
          .post(`/admin/variants/${V.teeMediumBlack}/inventory`)
          .set(admin)
          .send({ adjustment: 1 })
      ).status,
    ).toBe(400);
    expect((await adjust('variant_01NOPE00000000000000000000', 1)).status).toBe(404);
    await request(gateway).get(`/admin/variants/${V.teeMediumBlack}/inventory`).expect(401);
    expect((await inventory(V.teeMediumBlack)).inventory_quantity).toBe(inventory_quantity);
  });

  it('an adjustment racing 20 checkouts of the last 10 units: never below zero, every unit counted once', async () => {
    const start = await inventory(V.mugWhite);
    await adjust(V.mugWhite, 10 - start.inventory_quantity).expect(200);
    const carts = await Promise.all(
      Array.from({ length: 20 }, (_, index) =>
        readyForCheckout(gateway, {
          items: [{ variant_id: V.mugWhite, quantity: 1 }],
          email: `racer${index}@example.com`,
          provider: 'manual',
        }),
      ),
    );
    const [adjusted, ...completions] = await Promise.all([
      adjust(V.mugWhite, -6, 'damaged in storage'),
      ...carts.map((cart) => complete(gateway, cart.id)),
    ]);
    expect([200, 400]).toContain(adjusted.status);
    const sold = completions.filter((answer) => answer.status === 200 && answer.body.type === 'order').length;
    const removed = adjusted.status === 200 ? 6 : 0;
    const after = await inventory(V.mugWhite);
    expect(sold + removed).toBeLessThanOrEqual(10);
    expect(after.reserved_quantity).toBe(0);
    expect(after.inventory_quantity).toBe(10 - sold - removed);
    expect(after.inventory_quantity).toBeGreaterThanOrEqual(0);
    // Every failed checkout failed for want of stock, and nothing else.
    for (const answer of completions.filter(
      (candidate) => candidate.status !== 200 || candidate.body.type !== 'order',
    ))
      expect(JSON.stringify(answer.body)).toMatch(/inventory/);
  });
});
