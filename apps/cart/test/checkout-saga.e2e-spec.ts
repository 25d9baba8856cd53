import { CartCommands, DemoVariantIds, OrderCommands } from '@app/contracts';
import { connect, NatsConnection } from 'nats';
import { COMPLETED_ONCE, readyCart } from './cart-fixtures';
import { createTestEnvironment, eventually, TestEnvironment } from '../../../test/support/test-environment';

/** Short leases and sweeps, so that a crashed checkout is taken over within a second. */
const RECOVERY = { CHECKOUT_LEASE_MS: '400', CHECKOUT_SWEEP_MS: '100' };

const CRASH_POINTS = ['reserve-stock', 'authorize-payment', 'place-order', 'complete-cart'].flatMap(
  (step) => [`before:${step}`, `after:${step}`],
);

/**
 * The cart app's checkout saga, driven through its NATS commands on real Postgres and NATS, with the
 * catalog, payment and order apps it calls. The cart app is stopped dead at every step boundary
 * (the test-only crash switch) and started again: its sweep finishes every checkout with exactly
 * one order, the stock sold once and the payment authorized once.
 */
describe('cart app: the checkout saga', () => {
  let env: TestEnvironment;

  beforeAll(async () => {
    env = await createTestEnvironment({ apps: ['catalog', 'payment', 'order'], freshDatabase: true });
  });
  afterAll(() => env.close());

  async function outcome(cartId: string) {
    const count = async (sql: string) => Number((await env.sql<{ n: string }>(sql, [cartId]))[0].n);
    return {
      orders: await count('SELECT count(*) AS n FROM "order"."order" WHERE cart_id = $1'),
      stage: (
        await env.sql<{ stage: string }>('SELECT stage FROM cart.checkout WHERE cart_id = $1', [cartId])
      )[0]?.stage,
      reserved: await count(
        `SELECT count(*) AS n FROM catalog.reservation WHERE reservation_key = $1 AND status = 'reserved'`,
      ),
      sold: await count(
        `SELECT coalesce(sum(quantity), 0) AS n FROM catalog.reservation WHERE reservation_key = $1 AND status = 'confirmed'`,
      ),
      authorized: await count(
        `SELECT count(*) AS n FROM payment.attempt WHERE cart_id = $1 AND status IN ('authorized', 'captured')`,
      ),
    };
  }

  it.each(CRASH_POINTS)(
    'a cart app that dies at %s: the restarted app completes the checkout once',
    async (point) => {
      await env.start('cart', { ...RECOVERY, CHECKOUT_CRASH_AT: point });
      const cartId = await readyCart(env);
      await expect(env.commands.request(CartCommands.complete, { cart_id: cartId })).rejects.toThrow();
      await env.stop('cart');

      await env.start('cart', RECOVERY);
      try {
        await eventually(
          async () => (await outcome(cartId)).stage === 'completed',
          10_000,
          'checkout completed',
        );
        expect(await outcome(cartId)).toEqual(COMPLETED_ONCE);
        // The shopper's retry answers the order the sweep placed.
        const again = await env.commands.request(CartCommands.complete, { cart_id: cartId });
        const { order } = await env.commands.request(OrderCommands.getByCart, { cart_id: cartId });
        expect(again).toMatchObject({ status: 200, body: { type: 'order', data: { id: order.id } } });
      } finally {
        await env.stop('cart');
      }
    },
  );

  describe('refusals', () => {
    let nats: NatsConnection;

    beforeAll(async () => {
      nats = await connect({ servers: env.env.NATS_URL });
      await env.start('cart', RECOVERY);
    });
    afterAll(async () => {
      await env.stop('cart');
      await nats.close();
    });

    it('an order the order app refuses: the authorization is voided and the stock released', async () => {
      const cartId = await readyCart(env);
      await env.stop('order');
      const refusing = nats.subscribe(OrderCommands.createFromCart.subject, {
        callback: (_error, message) => {
          const { id } = JSON.parse(Buffer.from(message.data).toString('utf8')) as { id: string };
          message.respond(
            JSON.stringify({
              id,
              err: { type: 'invalid_data', message: 'The order was refused' },
              isDisposed: true,
            }),
          );
        },
      });
      try {
        await expect(env.commands.request(CartCommands.complete, { cart_id: cartId })).rejects.toMatchObject({
          type: 'invalid_data',
          message: 'The order was refused',
        });
      } finally {
        refusing.unsubscribe();
        await env.start('order');
      }
      expect(await outcome(cartId)).toEqual({
        orders: 0,
        stage: 'failed',
        reserved: 0,
        sold: 0,
        authorized: 0,
      });
      const attempts = await env.sql<{ status: string }>(
        'SELECT status FROM payment.attempt WHERE cart_id = $1',
        [cartId],
      );
      expect(attempts.map((attempt) => attempt.status)).toEqual(['voided']);
    });

    it('no stock: refused with nothing held; a cart is not changed while its checkout runs; a failed one completes again', async () => {
      const cartId = await readyCart(env);
      const stock = `UPDATE catalog.inventory_level SET stocked_quantity = stocked_quantity + $2 WHERE variant_id = $1`;
      const [{ available }] = await env.sql<{ available: number }>(
        'SELECT stocked_quantity - reserved_quantity AS available FROM catalog.inventory_level WHERE variant_id = $1',
        [DemoVariantIds.tote],
      );
      await env.sql(stock, [DemoVariantIds.tote, -available]);
      const refused = await env.commands
        .request(CartCommands.complete, { cart_id: cartId })
        .finally(() => env.sql(stock, [DemoVariantIds.tote, available]));
      expect(refused).toMatchObject({ status: 409, body: { errors: [{ code: 'insufficient_inventory' }] } });
      expect(await outcome(cartId)).toMatchObject({ orders: 0, stage: 'failed', reserved: 0, authorized: 0 });

      const [item] = (await env.commands.request(CartCommands.get, { cart_id: cartId })).cart.items as {
        id: string;
      }[];
      // The compensation put the session back as the provider never saw it: the shopper selects it again.
      await env.commands.request(CartCommands.selectPaymentSession, {
        cart_id: cartId,
        provider_id: 'manual',
      });
      await env.sql(
        `UPDATE cart.checkout SET stage = 'reserved', lease_until = now() + interval '1 minute' WHERE cart_id = $1`,
        [cartId],
      );
      await expect(
        env.commands.request(CartCommands.updateLineItem, { cart_id: cartId, line_id: item.id, quantity: 2 }),
      ).rejects.toMatchObject({ type: 'conflict' });
      await expect(env.commands.request(CartCommands.complete, { cart_id: cartId })).rejects.toMatchObject({
        type: 'conflict',
      });
      await env.sql(`UPDATE cart.checkout SET stage = 'failed', lease_until = NULL WHERE cart_id = $1`, [
        cartId,
      ]);
      const placed = await env.commands.request(CartCommands.complete, { cart_id: cartId });
      expect(placed).toMatchObject({ status: 200, body: { type: 'order' } });
      expect(await outcome(cartId)).toEqual(COMPLETED_ONCE);
    });
  });
});
