import { DemoRegionIds, DemoVariantIds as V } from '@app/contracts';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { CashierEvent, signedCashierNotification } from '../support/psp-sandbox';
import { Json, storeCarts } from '../support/store-carts';
import { cartPayingWith, PaymentStack, startPaymentStack } from '../support/payment-stack';
import { eventually, TestEnvironment } from '../support/test-environment';

const REFUSED = { code: 'FAIL', message: 'rejected' };
const ACCEPTED = { code: 'SUCCESS', message: 'OK' };

describe('provider notifications: verified before anything is marked paid', () => {
  let stack: PaymentStack;
  let env: TestEnvironment;
  let gateway: string;
  let carts: ReturnType<typeof storeCarts>;

  /** A cart paying with the cashier, and the event a genuine notification of its payment carries. */
  const openPayment = async (): Promise<{ cart: Json; event: CashierEvent }> => {
    const cart = await cartPayingWith(gateway, 'cashier', DemoRegionIds.europe, [
      { variant_id: V.tote, quantity: 1 },
    ]);
    const session = cart.payment_session;
    return {
      cart,
      event: {
        trans_id: session.data.trans_id,
        amount: session.amount,
        currency: 'EUR',
        event_id: `EV${randomUUID()}`,
      },
    };
  };
  const send = (notification: { body: string; headers: Record<string, string> }) =>
    request(gateway).post('/hooks/payments/cashier').set(notification.headers).send(notification.body);
  const state = async (cart: Json) => {
    const [attempt] = await env.sql<{ status: string }>('SELECT status FROM payment.attempt WHERE id = $1', [
      cart.payment_session.data.trans_id,
    ]);
    const events = await env.sql(`SELECT id FROM payment.outbox WHERE envelope->>'aggregate_id' = $1`, [
      cart.payment_session.id,
    ]);
    return {
      attempt: attempt.status,
      events: events.length,
      session: (await carts.get(cart.id)).payment_session.status,
    };
  };
  const UNTOUCHED = { attempt: 'open', events: 0, session: 'requires_more' };

  beforeAll(async () => {
    stack = await startPaymentStack();
    ({ env, gateway, carts } = stack);
  });
  afterAll(() => stack.close());

  const now = () => Math.floor(Date.now() / 1000);
  it.each([
    ['a forged signature', (event: CashierEvent) => ({ ...signedCashierNotification(event), forge: true })],
    [
      'the wrong key',
      (event: CashierEvent) => signedCashierNotification(event, { secret: 'not-the-notify-secret' }),
    ],
    [
      'a stale timestamp',
      (event: CashierEvent) => signedCashierNotification(event, { timestamp: now() - 301 }),
    ],
    [
      'a future timestamp',
      (event: CashierEvent) => signedCashierNotification(event, { timestamp: now() + 301 }),
    ],
    [
      'the amount − 1',
      (event: CashierEvent) => signedCashierNotification({ ...event, amount: event.amount - 1 }),
    ],
    ['another currency', (event: CashierEvent) => signedCashierNotification({ ...event, currency: 'CNY' })],
    [
      'another merchant',
      (event: CashierEvent) => signedCashierNotification({ ...event, merchant_id: '18000000000099' }),
    ],
    [
      'an unknown payment',
      (event: CashierEvent) => signedCashierNotification({ ...event, trans_id: 'ptx_unknown' }),
    ],
  ])('refuses %s and changes nothing', async (_what, build) => {
    const { cart, event } = await openPayment();
    const notification = build(event) as { body: string; headers: Record<string, string>; forge?: boolean };
    if (notification.forge) notification.headers['x-pay-signature'] = 'ab'.repeat(32);
    const response = await send(notification);
    expect(response.status).toBe(400);
    expect(response.body).toEqual(REFUSED);
    expect(await state(cart)).toEqual(UNTOUCHED);
  });

  it('refuses a nonce seen before, even on a genuinely signed new event', async () => {
    const first = await openPayment();
    const nonce = randomUUID();
    await send(signedCashierNotification(first.event, { nonce })).expect(200);
    const second = await openPayment();
    const replay = await send(signedCashierNotification(second.event, { nonce }));
    expect(replay.status).toBe(400);
    expect(replay.body).toEqual(REFUSED);
    expect(await state(second.cart)).toEqual(UNTOUCHED);
  });

  it('refuses an unsigned notification and one for an unknown provider', async () => {
    const { cart, event } = await openPayment();
    const { body } = signedCashierNotification(event);
    const unsigned = await request(gateway)
      .post('/hooks/payments/cashier')
      .set('content-type', 'application/json')
      .send(body);
    expect(unsigned.status).toBe(400);
    await request(gateway)
      .post('/hooks/payments/paypal')
      .set('content-type', 'application/json')
      .send(body)
      .expect(404);
    expect(await state(cart)).toEqual(UNTOUCHED);
  });

  it('the same valid notification 5 times at once, then an older one: one state change, one event', async () => {
    const { cart, event } = await openPayment();
    const paid = signedCashierNotification(event);
    const answers = await Promise.all(Array.from({ length: 5 }, () => send(paid)));
    for (const answer of answers) {
      expect(answer.status).toBe(200);
      expect(answer.body).toEqual(ACCEPTED);
    }
    // The provider retries the same event (same event id, a new nonce and time): success, no change.
    await send(signedCashierNotification(event)).expect(200);
    // An earlier failure, delivered late, does not undo the payment.
    const late = await send(
      signedCashierNotification({ ...event, status: 'FAILED', event_id: `EV${randomUUID()}` }),
    );
    expect(late.body).toEqual(ACCEPTED);
    await eventually(async () => (await state(cart)).session === 'authorized', 10_000, 'session authorized');
    expect(await state(cart)).toEqual({ attempt: 'captured', events: 1, session: 'authorized' });
  });
});
