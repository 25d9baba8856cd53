import { OrderCommands, PaymentEvents } from '@app/contracts';
import { connect, NatsConnection } from 'nats';
import { createTestEnvironment, eventually, TestEnvironment } from '../../../test/support/test-environment';

/**
 * The order app alone, driven through its NATS commands and the payment events it consumes, on
 * real Postgres and NATS JetStream; the cart and payment apps are played by the test (a frozen
 * cart, events published as the payment app's relay publishes them).
 */
describe('order app: placing orders and following their payments', () => {
  let env: TestEnvironment;
  let nats: NatsConnection;
  let sequence = 0;

  beforeAll(async () => {
    env = await createTestEnvironment({ apps: ['order'], freshDatabase: true });
    nats = await connect({ servers: env.env.NATS_URL });
  });
  afterAll(async () => {
    await nats.close();
    await env.close();
  });

  /** A cart as the checkout freezes it, paid with `session_id` (authorized, not captured). */
  function frozenCart(total = 4200) {
    sequence += 1;
    const cartId = `cart_order_test_${process.pid}_${sequence}`;
    const sessionId = `ps_order_test_${process.pid}_${sequence}`;
    const cart = {
      id: cartId,
      email: 'orders@example.com',
      region_id: 'reg_test',
      region: { id: 'reg_test', currency_code: 'eur' },
      items: [
        { id: `item_${sequence}`, variant_id: 'variant_test', quantity: 1, unit_price: total, tax_lines: [] },
      ],
      shipping_methods: [],
      discounts: [],
      gift_cards: [],
      billing_address: null,
      shipping_address: null,
      subtotal: total,
      discount_total: 0,
      item_tax_total: 0,
      shipping_total: 0,
      shipping_tax_total: 0,
      tax_total: 0,
      gift_card_total: 0,
      gift_card_tax_total: 0,
      total,
    };
    const payment = {
      session_id: sessionId,
      provider_id: 'manual' as const,
      amount: total,
      currency_code: 'eur',
      status: 'authorized' as const,
      data: {},
    };
    return { cart, payment, cartId, sessionId };
  }

  /** Publishes a payment event as the payment app's outbox relay does (event id as Nats-Msg-Id). */
  async function publish(type: 'captured' | 'canceled' | 'refunded', id: string, data: object) {
    const subject = PaymentEvents[type].subject;
    const envelope = {
      id,
      type: subject.replace(/^events\./, ''),
      occurred_at: new Date().toISOString(),
      aggregate_id: 'ps',
      aggregate_version: 1,
      correlation_id: null,
      data,
    };
    await nats.jetstream().publish(subject, JSON.stringify(envelope), { msgID: id });
  }

  /** The data of a payment app's session event for the order's payment. */
  const sessionChange = (sessionId: string, cartId: string) => ({
    session_id: sessionId,
    cart_id: cartId,
    provider_id: 'manual',
    amount: 4200,
    currency_code: 'eur',
    provider_reference: 'ref',
  });

  const order = async (cartId: string) =>
    (
      await env.sql<{ id: string; status: string; payment_status: string }>(
        'SELECT id, status, payment_status FROM "order"."order" WHERE cart_id = $1',
        [cartId],
      )
    )[0];
  const events = async (subject: string, orderId: string) =>
    Number(
      (
        await env.sql<{ n: string }>(
          `SELECT count(*) AS n FROM "order".outbox WHERE subject = $1 AND envelope->>'aggregate_id' = $2`,
          [`events.${subject}`, orderId],
        )
      )[0].n,
    );

  it('places one order per cart however often, and at once, it is asked', async () => {
    const { cart, payment, cartId } = frozenCart();
    const replies = await Promise.all(
      Array.from({ length: 5 }, () => env.commands.request(OrderCommands.createFromCart, { cart, payment })),
    );
    const ids = new Set(replies.map((reply) => reply.order.id));
    expect(ids.size).toBe(1);
    expect(replies[0].order).toMatchObject({ cart_id: cartId, payment_status: 'awaiting', total: 4200 });
    const [id] = [...ids] as string[];
    expect(await events('order.placed', id)).toBe(1);
    const byCart = await env.commands.request(OrderCommands.getByCart, { cart_id: cartId });
    expect(byCart.order.id).toBe(id);
  });

  it('refuses a cart snapshot without lines or email, naming what is wrong, and places nothing', async () => {
    const { cart, payment, cartId } = frozenCart();
    const { email: _email, ...withoutEmail } = cart;
    await expect(
      env.commands.request(OrderCommands.createFromCart, {
        cart: withoutEmail as typeof cart,
        payment,
      }),
    ).rejects.toMatchObject({ type: 'invalid_data', message: expect.stringContaining('email') });
    await expect(
      env.commands.request(OrderCommands.createFromCart, { cart: { ...cart, items: [] }, payment }),
    ).rejects.toMatchObject({ type: 'invalid_data', message: expect.stringContaining('items') });
    expect(await order(cartId)).toBeUndefined();
  });

  it('follows its payment: captured once (events.order.paid), then partially refunded, then refunded', async () => {
    const { cart, payment, cartId, sessionId } = frozenCart(4200);
    const { order: placed } = await env.commands.request(OrderCommands.createFromCart, { cart, payment });
    const change = sessionChange(sessionId, cartId);
    const { provider_reference: _reference, ...withoutReference } = change;
    const capturedId = `evt_captured_${sequence}`;
    await publish('captured', capturedId, change);
    await publish('captured', capturedId, change);
    await eventually(async () => (await order(cartId)).payment_status === 'captured', 10_000, 'captured');
    const refund = (id: string, amount: number) =>
      publish('refunded', id, { ...withoutReference, attempt_id: 'ptx', amount, reason: 'requested' });
    await refund(`evt_refund_a_${sequence}`, 1200);
    await eventually(
      async () => (await order(cartId)).payment_status === 'partially_refunded',
      10_000,
      'partial',
    );
    await refund(`evt_refund_b_${sequence}`, 3000);
    await eventually(async () => (await order(cartId)).payment_status === 'refunded', 10_000, 'refunded');
    // A release of the authorization arriving now changes nothing: the money was taken.
    await publish('canceled', `evt_canceled_${sequence}`, change);
    await publish('captured', `evt_captured_again_${sequence}`, change);
    const marker = frozenCart();
    await env.commands.request(OrderCommands.createFromCart, { cart: marker.cart, payment: marker.payment });
    await publish('canceled', `evt_marker_${sequence}`, sessionChange(marker.sessionId, marker.cartId));
    await eventually(
      async () => (await order(marker.cartId)).status === 'canceled',
      10_000,
      'marker handled',
    );
    expect(await order(cartId)).toMatchObject({ status: 'pending', payment_status: 'refunded' });
    expect(await events('order.paid', placed.id as string)).toBe(1);
    expect(await events('order.canceled', placed.id as string)).toBe(0);
  });

  it('is canceled when its authorization is released before capture: events.order.canceled once', async () => {
    const { cart, payment, cartId, sessionId } = frozenCart();
    const { order: placed } = await env.commands.request(OrderCommands.createFromCart, { cart, payment });
    const released = sessionChange(sessionId, cartId);
    await publish('canceled', `evt_release_${sequence}`, released);
    await publish('canceled', `evt_release_again_${sequence}`, released);
    await eventually(async () => (await order(cartId)).status === 'canceled', 10_000, 'canceled');
    await eventually(
      async () => (await events('order.canceled', placed.id as string)) === 1,
      5_000,
      'one event',
    );
    expect(await order(cartId)).toMatchObject({ status: 'canceled', payment_status: 'canceled' });
  });
});
