import { CartCommands, DemoRegionIds, DemoVariantIds, PaymentCommands } from '@app/contracts';
import { connect, NatsConnection } from 'nats';
import { readyCart } from './cart-fixtures';
import { createTestEnvironment, eventually, TestEnvironment } from '../../../test/support/test-environment';

const COMPLETING = 20;
const OTHERS = 50;

/**
 * A payment app that stops answering while carts complete must not touch any other cart: the
 * completions wait on NATS holding no database connection and no lock. Once the payment app is
 * back, the sweep finishes every one of them with exactly one order.
 */
describe('cart app: completions waiting on a stalled payment app', () => {
  let env: TestEnvironment;
  let nats: NatsConnection;

  beforeAll(async () => {
    env = await createTestEnvironment({
      apps: ['catalog', 'payment', 'order', 'cart'],
      freshDatabase: true,
      // The cart's default pool (10) is smaller than the completions waiting at once.
      env: { COMMAND_TIMEOUT_MS: '4000', CHECKOUT_SWEEP_MS: '200' },
    });
    nats = await connect({ servers: env.env.NATS_URL });
  });
  afterAll(async () => {
    await nats.close();
    await env.close();
  });

  it('reads and writes of other carts all succeed meanwhile; each paused completion ends with one order', async () => {
    const completing = await Promise.all(Array.from({ length: COMPLETING }, () => readyCart(env)));
    const others = await Promise.all(
      Array.from({ length: OTHERS }, async () => {
        const { cart } = await env.commands.request(CartCommands.create, { region_id: DemoRegionIds.europe });
        return cart.id as string;
      }),
    );

    // The payment app stops answering: authorizations are received and never answered.
    await env.stop('payment');
    let received = 0;
    const stalled = nats.subscribe(PaymentCommands.authorizeSession.subject, {
      queue: 'payment',
      callback: () => (received += 1),
    });
    let settled = 0;
    const completions = completing.map((cart_id) =>
      env.commands
        .request(CartCommands.complete, { cart_id }, { timeoutMs: 10_000 })
        .then(
          () => 'answered',
          (error: { type?: string }) => error.type ?? 'error',
        )
        .finally(() => (settled += 1)),
    );
    await eventually(
      async () => stalled.getProcessed() >= COMPLETING,
      5_000,
      'every completion at the payment app',
    );

    const work = await Promise.allSettled(
      others.flatMap((cart_id) => [
        env.commands.request(CartCommands.get, { cart_id }),
        env.commands.request(CartCommands.addLineItem, {
          cart_id,
          variant_id: DemoVariantIds.giftCardMedium,
          quantity: 1,
        }),
      ]),
    );
    // Every other cart was served while all the completions were still waiting.
    expect(settled).toBe(0);
    expect(work.filter((result) => result.status === 'rejected')).toEqual([]);

    // The completions time out at the cart's budget (504); the payment app answers again.
    expect(await Promise.all(completions)).toEqual(Array(COMPLETING).fill('unexpected_state'));
    stalled.unsubscribe();
    await env.start('payment');
    await eventually(
      async () =>
        Number(
          (
            await env.sql<{ n: string }>(
              `SELECT count(*) AS n FROM cart.checkout WHERE stage = 'completed' AND cart_id = ANY($1)`,
              [completing],
            )
          )[0].n,
        ) === COMPLETING,
      20_000,
      'every paused checkout completed',
    );
    const orders = await env.sql<{ cart_id: string; n: string }>(
      `SELECT cart_id, count(*) AS n FROM "order"."order" WHERE cart_id = ANY($1) GROUP BY cart_id`,
      [completing],
    );
    expect(orders).toHaveLength(COMPLETING);
    expect(orders.every((row) => row.n === '1')).toBe(true);
  });
});
