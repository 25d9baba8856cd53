import {
  DemoGiftCardCodes,
  DemoRegionIds,
  DemoShippingOptionIds as SO,
  DemoVariantIds as V,
  PaymentCommands,
} from '@app/contracts';
import request from 'supertest';
import { medusaSchemaErrors } from '../support/medusa-spec';
import { Json, storeCarts } from '../support/store-carts';
import { createTestEnvironment, eventually, TestEnvironment } from '../support/test-environment';

const EUROPE = DemoRegionIds.europe;
const CHINA = DemoRegionIds.china;

describe('store API: payment sessions', () => {
  let env: TestEnvironment;
  let gateway: string;
  let carts: ReturnType<typeof storeCarts>;
  const post = (path: string, body: object = {}) => request(gateway).post(path).send(body);
  const sessions = (cart: Json) =>
    Object.fromEntries(cart.payment_sessions.map((session: Json) => [session.provider_id, session]));
  /** A Europe cart with a tote (€17 + 20 % VAT) and its payment sessions. */
  const cartWithSessions = async (): Promise<Json> => {
    const cart = await carts.create({ region_id: EUROPE, items: [{ variant_id: V.tote, quantity: 1 }] });
    return (await post(`/store/carts/${cart.id}/payment-sessions`).expect(200)).body.cart;
  };

  beforeAll(async () => {
    env = await createTestEnvironment({ apps: ['catalog', 'cart', 'payment', 'gateway'] });
    gateway = env.url('gateway');
    carts = storeCarts(gateway);
  });
  afterAll(() => env.close());

  it('creates one pending session per provider of the region, for the total with taxes', async () => {
    const cart = await cartWithSessions();
    expect(medusaSchemaErrors('StoreCartsRes', { cart })).toBeNull();
    expect(cart.total).toBe(2040);
    expect(Object.keys(sessions(cart)).sort()).toEqual(['cashier', 'manual']);
    for (const session of cart.payment_sessions) {
      expect(session).toMatchObject({
        cart_id: cart.id,
        amount: 2040,
        status: 'pending',
        is_selected: null,
        is_initiated: false,
        data: {},
      });
      expect(session.id).toMatch(/^ps_/);
    }
    expect(cart.payment_session).toBeNull();
    const again = (await post(`/store/carts/${cart.id}/payment-sessions`).expect(200)).body.cart;
    expect(again.payment_sessions.map((session: Json) => session.id).sort()).toEqual(
      cart.payment_sessions.map((session: Json) => session.id).sort(),
    );
  });

  it('takes a JSON content type without a body as no body, as Medusa does', async () => {
    const empty = (path: string) => request(gateway).post(path).set('content-type', 'application/json');
    const { cart } = (await empty('/store/carts').expect(200)).body;
    expect(cart.region_id).toBe(EUROPE);
    await carts.add(cart.id, V.tote, 1);
    const sessions = await empty(`/store/carts/${cart.id}/payment-sessions`).expect(200);
    expect(sessions.body.cart.payment_sessions).toHaveLength(2);
    const broken = await request(gateway)
      .post('/store/carts')
      .set('content-type', 'application/json')
      .send('{"region');
    expect(broken.status).toBe(400);
  });

  it('selects a session and opens it at its provider', async () => {
    const cart = await cartWithSessions();
    const selected = (
      await post(`/store/carts/${cart.id}/payment-session`, { provider_id: 'manual' }).expect(200)
    ).body.cart;
    expect(medusaSchemaErrors('StoreCartsRes', { cart: selected })).toBeNull();
    expect(selected.payment_session).toMatchObject({
      provider_id: 'manual',
      is_selected: true,
      is_initiated: true,
      status: 'pending',
      amount: 2040,
    });
    expect(sessions(selected).cashier).toMatchObject({ is_selected: null, is_initiated: false });
    const [attempt] = await env.sql<{ status: string; amount: number }>(
      'SELECT a.status, a.amount FROM payment.session s JOIN payment.attempt a ON a.id = s.current_attempt_id WHERE s.id = $1',
      [selected.payment_session.id],
    );
    expect(attempt).toEqual({ status: 'open', amount: 2040 });
  });

  it('sessions follow the total: the open one is reopened at the provider for the new amount', async () => {
    const cart = await cartWithSessions();
    const selected = (
      await post(`/store/carts/${cart.id}/payment-session`, { provider_id: 'manual' }).expect(200)
    ).body.cart;
    const more = await carts.add(cart.id, V.tote, 1);
    expect(more.total).toBe(4080);
    expect(sessions(more).manual).toMatchObject({ amount: 4080, is_selected: true, is_initiated: true });
    expect(sessions(more).cashier).toMatchObject({ amount: 4080, is_initiated: false });
    const shipped = await carts.ship(cart.id, SO.europeStandard);
    expect(sessions(shipped).manual.amount).toBe(4080 + 960);
    const attempts = await env.sql<{ status: string; amount: number }>(
      'SELECT status, amount FROM payment.attempt WHERE session_id = $1 ORDER BY created_at',
      [selected.payment_session.id],
    );
    expect(attempts).toEqual([
      { status: 'voided', amount: 2040 },
      { status: 'voided', amount: 4080 },
      { status: 'open', amount: 5040 },
    ]);
  });

  it('a total of 0 drops every session; a new region drops them too', async () => {
    const cart = await cartWithSessions();
    await post(`/store/carts/${cart.id}/payment-session`, { provider_id: 'manual' }).expect(200);
    const paid = await carts.update(cart.id, { gift_cards: [{ code: DemoGiftCardCodes.europe50 }] });
    expect(paid.total).toBe(0);
    expect(paid.payment_sessions).toEqual([]);
    const [attempt] = await env.sql<{ status: string }>(
      "SELECT status FROM payment.attempt WHERE cart_id = $1 AND status <> 'voided'",
      [cart.id],
    );
    expect(attempt).toBeUndefined();

    const other = await cartWithSessions();
    const moved = await carts.update(other.id, { region_id: CHINA });
    expect(moved.payment_sessions).toEqual([]);
    const china = (await post(`/store/carts/${other.id}/payment-sessions`).expect(200)).body.cart;
    expect(Object.keys(sessions(china)).sort()).toEqual(['alipay', 'cashier', 'manual', 'wechat']);
    expect(china.payment_sessions[0].amount).toBe(china.total);
  });

  it('deleting the selected session voids it at its provider', async () => {
    const cart = await cartWithSessions();
    const manual = (
      await post(`/store/carts/${cart.id}/payment-session`, { provider_id: 'manual' }).expect(200)
    ).body.cart.payment_session;
    const deleted = (
      await request(gateway).delete(`/store/carts/${cart.id}/payment-sessions/manual`).expect(200)
    ).body.cart;
    expect(Object.keys(sessions(deleted))).toEqual(['cashier']);
    expect(deleted.payment_session).toBeNull();
    const [attempt] = await env.sql<{ status: string }>(
      'SELECT a.status FROM payment.attempt a WHERE a.session_id = $1',
      [manual.id],
    );
    expect(attempt.status).toBe('voided');
  });

  it('the manual provider authorizes when asked, once', async () => {
    const cart = await cartWithSessions();
    const { payment_session: session } = (
      await post(`/store/carts/${cart.id}/payment-session`, { provider_id: 'manual' }).expect(200)
    ).body.cart;
    const authorize = () =>
      env.commands.request(PaymentCommands.authorizeSession, { session_id: session.id });
    expect(await authorize()).toMatchObject({ status: 'authorized', provider_id: 'manual', amount: 2040 });
    await authorize();
    await eventually(
      async () => (await carts.get(cart.id)).payment_session.status === 'authorized',
      10_000,
      'authorized',
    );
    const events = await env.sql(`SELECT id FROM payment.outbox WHERE envelope->>'aggregate_id' = $1`, [
      session.id,
    ]);
    expect(events).toHaveLength(1);
  });

  it('updates the selected session’s data and refreshes it', async () => {
    const cart = await cartWithSessions();
    await post(`/store/carts/${cart.id}/payment-session`, { provider_id: 'manual' }).expect(200);
    const updated = (
      await post(`/store/carts/${cart.id}/payment-sessions/manual`, { data: { po: 'PO-7' } }).expect(200)
    ).body.cart;
    expect(updated.payment_session.data).toEqual({ status: 'pending', po: 'PO-7' });
    const refreshed = (await post(`/store/carts/${cart.id}/payment-sessions/manual/refresh`).expect(200)).body
      .cart;
    expect(refreshed.payment_session).toMatchObject({ provider_id: 'manual', is_selected: true, data: {} });
    const attempts = await env.sql<{ status: string }>(
      'SELECT status FROM payment.attempt WHERE session_id = $1 ORDER BY created_at',
      [refreshed.payment_session.id],
    );
    expect(attempts.map((attempt) => attempt.status)).toEqual(['voided', 'open']);
  });

  it('refuses what Medusa refuses', async () => {
    const cart = await cartWithSessions();
    const foreign = await post(`/store/carts/${cart.id}/payment-session`, { provider_id: 'wechat' }).expect(
      400,
    );
    expect(foreign.body).toEqual({
      type: 'not_allowed',
      message: 'The payment method is not available in this region',
    });
    const bare = await carts.create({ region_id: EUROPE, items: [{ variant_id: V.tote, quantity: 1 }] });
    const none = await post(`/store/carts/${bare.id}/payment-session`, { provider_id: 'manual' }).expect(400);
    expect(none.body).toEqual({ type: 'not_allowed', message: 'Could not find payment session' });
    const unselected = await post(`/store/carts/${cart.id}/payment-sessions/manual`, { data: {} }).expect(
      400,
    );
    expect(unselected.body.message).toBe('Only the selected payment session can be updated');
    const extra = await post(`/store/carts/${cart.id}/payment-session`, { provider_id: 'manual', amount: 1 });
    expect(extra.status).toBe(400);
    expect(extra.body).toEqual({ type: 'invalid_data', message: 'property amount should not exist' });
    await post('/store/carts/cart_missing/payment-sessions').expect(404);
  });
});
