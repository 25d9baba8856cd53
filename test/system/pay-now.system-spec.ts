import { ChargeCommands, DemoRegionIds, DemoVariantIds as V, PaymentCommands } from '@app/contracts';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import request from 'supertest';
import { adminHeaders, ALL_APPS } from '../support/admin';
import { readyForCheckout } from '../support/checkout';
import { signedUpCustomer } from '../support/customers';
import { PaymentStack, startPaymentStack } from '../support/payment-stack';
import { Json } from '../support/store-carts';
import { eventually } from '../support/test-environment';
import { SANDBOX_KEYS } from '../../tools/psp-sandbox/src/sandbox-keys';
import { BILLING_FORM, TEST_CARDS } from '../support/psp-sandbox';

interface Payer {
  id: string;
  auth: Record<string, string>;
  token: string;
  address_id: string;
}

/** Seed 002's fields of a pay request, in yuan; freight paid now (商家自选) unless told. */
const body = (payer: Payer, fields: Json) => ({
  address_id: payer.address_id,
  freight_mode: 2,
  freight_json_arr_key: 2,
  pay_integral: 0,
  ...fields,
});

const yuan = (fen: number) => (fen / 100).toFixed(2);

/**
 * Paying a submitted order now (seed 002) with WeChat, Alipay, points, or a wallet and points,
 * through the PSP sandbox: the seed's envelope and rules, the points ledger, superseded attempts,
 * seed 001's payments and webhooks, the long-polled payment status, and the expiry racing a payment.
 */
describe('pay now: WeChat, Alipay, points and mixed (seed 002) through the sandbox', () => {
  let stack: PaymentStack;
  let gateway: string;
  let admin: Record<string, string>;
  let merchant: Server;
  const hooks: Json[] = [];

  const payer = async (points = 0): Promise<Payer> => {
    const { id, auth, token } = await signedUpCustomer(gateway);
    const book = await request(gateway)
      .post('/store/customers/me/addresses')
      .set(auth)
      .send({
        address: {
          first_name: 'Lin',
          last_name: 'Hui',
          address_1: '88 南京东路',
          city: '上海',
          country_code: 'cn',
          postal_code: '200001',
          phone: '13912344768',
        },
      })
      .expect(200);
    if (points) {
      await request(gateway)
        .post(`/admin/customers/${id}/points`)
        .set(admin)
        .send({ delta: points, reason: 'welcome' })
        .expect(200);
    }
    return { id, auth, token, address_id: book.body.customer.shipping_addresses[0].id };
  };

  /** A submitted order of the payer: a tea set and its shipping, in CNY. */
  const submitted = async (who: Payer): Promise<Json> => {
    const cart = await readyForCheckout(gateway, {
      region_id: DemoRegionIds.china,
      items: [{ variant_id: V.teeSmallWhite, quantity: 1 }],
      headers: who.auth,
      payment: false,
    });
    return (await request(gateway).post(`/store/carts/${cart.id}/submit`).set(who.auth).expect(200)).body
      .data;
  };

  const pay = (who: Payer, order: Json, fields: Json) =>
    request(gateway).post(`/store/orders/${order.id}/pay`).set('token', who.token).send(body(who, fields));

  const status = async (who: Payer, order: Json, wait = 0) =>
    (
      await request(gateway)
        .get(`/store/orders/${order.id}/payment-status?wait=${wait}`)
        .set(who.auth)
        .expect(200)
    ).body as { payment_status: string; paid: number; due: number };

  const balance = async (who: Payer) =>
    (await request(gateway).get('/store/customers/me/points').set(who.auth).expect(200)).body;

  const payments = async (order: Json, fields = '') =>
    (
      await request(gateway)
        .get(`/store/orders/${order.id}/payments${fields ? `?fields=${fields}` : ''}`)
        .expect(200)
    ).body.payments as Json[];

  const sandboxPay = (path: string, payload: Json) =>
    request(stack.sandbox.url).post(path).send(payload).expect(200);

  const paidStatus = (who: Payer, order: Json) =>
    eventually(async () => (await status(who, order)).payment_status === 'captured', 10_000, 'order paid');

  beforeAll(async () => {
    merchant = createServer((incoming, response) => {
      let text = '';
      incoming.on('data', (chunk) => (text += chunk));
      incoming.on('end', () => {
        hooks.push(JSON.parse(text) as Json);
        response.end('{}');
      });
    });
    await new Promise<void>((resolve) => merchant.listen(0, '127.0.0.1', resolve));
    const hookUrl = `http://127.0.0.1:${(merchant.address() as AddressInfo).port}/hooks`;
    stack = await startPaymentStack(
      {
        PAYMENT_EXPIRY_SWEEP_MS: '200',
        ORDER_EXPIRY_SWEEP_MS: '100',
        WEBHOOK_POLL_MS: '50',
        MERCHANT_WEBHOOKS: JSON.stringify([
          {
            url: hookUrl,
            secret: 'merchant-secret',
            events: ['order.payment-created', 'order.payment-paid', 'order.payment-expired'],
          },
        ]),
      },
      {
        freshDatabase: true,
        apps: ALL_APPS,
      },
    );
    gateway = stack.gateway;
    admin = await adminHeaders(gateway);
  });
  afterAll(async () => {
    await stack.close();
    await new Promise((resolve) => merchant.close(resolve));
  });

  it('WeChat (1): the seed’s envelope with the seven app-pay fields; paid once the money arrives, with points earned', async () => {
    const who = await payer();
    const order = await submitted(who);
    const answer = await pay(who, order, { pay_method: 1, pay_price: yuan(order.total) }).expect(200);
    expect(answer.body).toMatchObject({ status: 200, msg: '下单成功' });
    const { pay_param } = answer.body.data;
    expect(Object.keys(pay_param).sort()).toEqual(
      ['appid', 'noncestr', 'package', 'partnerid', 'prepayid', 'sign', 'timestamp'].sort(),
    );
    expect(pay_param).toMatchObject({ appid: SANDBOX_KEYS.wechat.appId, package: 'Sign=WXPay' });
    expect(await status(who, order)).toEqual({ payment_status: 'not_paid', paid: 0, due: order.total });

    await sandboxPay('/sandbox/wechat/pay', { prepay_id: pay_param.prepayid });
    await paidStatus(who, order);
    expect(await status(who, order)).toEqual({ payment_status: 'captured', paid: order.total, due: 0 });
    const [shown] = await payments(order);
    expect(shown).toMatchObject({ status: 'paid', is_available: true, amount: order.total, mode: 'online' });
    expect(shown.gateway_payment_no).toEqual(expect.any(String));
    expect(shown.gateway_payment_no).not.toBe(pay_param.prepayid);
    const points = await balance(who);
    expect(points.balance).toBe(Math.floor(order.total / 100));
    expect(points.entries[0]).toMatchObject({ type: 'earn', order_id: order.id });
  });

  it('Alipay (2): a signed order string; paid through the sandbox', async () => {
    const who = await payer();
    const order = await submitted(who);
    const answer = await pay(who, order, { pay_method: 2, pay_price: yuan(order.total) }).expect(200);
    const orderString = answer.body.data.pay_param as string;
    expect(orderString).toContain('method=alipay.trade.app.pay');
    expect(orderString).toContain('sign=');
    await sandboxPay('/sandbox/alipay/pay', { order_string: orderString });
    await paidStatus(who, order);
  });

  it('points (3): paid at once, no pay_param, the points spent and nothing earned', async () => {
    const who = await payer(100_000);
    const order = await submitted(who);
    const answer = await pay(who, order, { pay_method: 3, pay_price: '0', pay_integral: order.total }).expect(
      200,
    );
    expect(answer.body.data.pay_param).toBeUndefined();
    expect(await status(who, order)).toEqual({ payment_status: 'captured', paid: order.total, due: 0 });
    const points = await balance(who);
    expect(points.balance).toBe(100_000 - order.total);
    expect(points.entries.map((entry: Json) => entry.type)).toEqual(['spend', 'adjust']);
    const [shown] = await payments(order);
    expect(shown).toMatchObject({ status: 'paid', amount: order.total, mode: 'offline' });
    expect(shown.payment_method).toMatchObject({ gateway: 'points', payment_method_type: 'offline' });
  });

  it('a merchant’s refund of a points-paid order gives the points back to the ledger', async () => {
    const who = await payer(100_000);
    const order = await submitted(who);
    await pay(who, order, { pay_method: 3, pay_price: '0', pay_integral: order.total }).expect(200);
    const refunded = await request(gateway)
      .post(`/admin/orders/${order.id}/refund`)
      .set(admin)
      .send({ amount: 1_000, reason: 'discount' })
      .expect(200);
    expect(refunded.body.order).toMatchObject({
      payment_status: 'partially_refunded',
      refunded_total: 1_000,
    });
    const points = await balance(who);
    expect(points.balance).toBe(100_000 - order.total + 1_000);
    expect(points.entries[0]).toMatchObject({ type: 'refund', points: 1_000 });
  });

  it('WeChat + points (4): the points are held until the money arrives, then spent', async () => {
    const who = await payer(5_000);
    const order = await submitted(who);
    const answer = await pay(who, order, {
      pay_method: 4,
      pay_integral: 3_000,
      pay_price: yuan(order.total - 3_000),
    }).expect(200);
    expect((await balance(who)).balance).toBe(2_000);
    await sandboxPay('/sandbox/wechat/pay', { prepay_id: answer.body.data.pay_param.prepayid });
    await paidStatus(who, order);
    const earned = Math.floor((order.total - 3_000) / 100);
    const points = await balance(who);
    expect(points.balance).toBe(2_000 + earned);
    expect(points.entries.map((entry: Json) => entry.type).sort()).toEqual(
      ['adjust', 'earn', 'hold', 'release', 'spend'].sort(),
    );
    expect(await status(who, order)).toEqual({ payment_status: 'captured', paid: order.total, due: 0 });
  });

  it('gives the points of a mixed payment back in the share of its money refunded', async () => {
    const who = await payer(5_000);
    const order = await submitted(who);
    const money = order.total - 3_000;
    const answer = await pay(who, order, {
      pay_method: 4,
      pay_integral: 3_000,
      pay_price: yuan(money),
    }).expect(200);
    await sandboxPay('/sandbox/wechat/pay', { prepay_id: answer.body.data.pay_param.prepayid });
    await paidStatus(who, order);
    const before = (await balance(who)).balance;
    const half = Math.floor(money / 2);
    const refund = (amount: number, refund_id: string) =>
      stack.env.commands.request(PaymentCommands.refundSession, {
        session_id: answer.body.data.payment_id,
        amount,
        refund_id,
      });
    await refund(half, `half-${order.id}`);
    await refund(half, `half-${order.id}`); // a retry: refunded once
    const share = Math.floor((3_000 * half) / money);
    expect((await balance(who)).balance).toBe(before + share);
    await refund(money - half, `rest-${order.id}`);
    expect((await balance(who)).balance).toBe(before + 3_000);
    const refunds = (await balance(who)).entries.filter((entry: Json) => entry.type === 'refund');
    expect(refunds.map((entry: Json) => entry.points).sort()).toEqual([share, 3_000 - share].sort());
  });

  it('refuses to open a payment for an order the payment app knows is canceled', async () => {
    const who = await payer(1_000);
    const order = await submitted(who);
    await request(gateway).post(`/store/orders/${order.id}/cancel`).set(who.auth).expect(200);
    await eventually(
      async () =>
        (await stack.env.sql('SELECT 1 FROM payment.canceled_order WHERE order_id = $1', [order.id]))
          .length === 1,
    );
    await expect(
      stack.env.commands.request(ChargeCommands.open, {
        charge_id: `pay_late_${order.id}`,
        order_id: order.id,
        cart_id: order.cart_id,
        customer_id: who.id,
        provider_id: null,
        amount: 0,
        points: 500,
        currency_code: 'cny',
        expires_at: new Date(Date.now() + 60_000).toISOString(),
        context: { goods: [] },
      }),
    ).rejects.toMatchObject({ code: 'order_canceled' });
    expect((await balance(who)).balance).toBe(1_000);
  });

  it('a points payment the order never recorded (its answer lost) is recorded from the payment app, at the points’ worth', async () => {
    const who = await payer(20_000);
    const order = await submitted(who);
    // The payment app spends the points; the order learns of it only from events.payment.charge-paid.
    await stack.env.commands.request(ChargeCommands.open, {
      charge_id: `pay_lost_${order.id}`,
      order_id: order.id,
      cart_id: order.cart_id,
      customer_id: who.id,
      provider_id: null,
      amount: 0,
      points: order.total,
      currency_code: 'cny',
      expires_at: new Date(Date.now() + 60_000).toISOString(),
      context: { goods: [] },
    });
    await paidStatus(who, order);
    expect(await status(who, order)).toEqual({ payment_status: 'captured', paid: order.total, due: 0 });
    const [shown] = await payments(order);
    expect(shown).toMatchObject({ id: `pay_lost_${order.id}`, amount: order.total, status: 'paid' });
  });

  it('Alipay + points (5), then paying again with Alipay alone: the first attempt is superseded, its points and late money given back', async () => {
    const who = await payer(5_000);
    const order = await submitted(who);
    const first = await pay(who, order, {
      pay_method: 5,
      pay_integral: 1_000,
      pay_price: yuan(order.total - 1_000),
    }).expect(200);
    expect((await balance(who)).balance).toBe(4_000);
    const second = await pay(who, order, { pay_method: 2, pay_price: yuan(order.total) }).expect(200);
    expect((await balance(who)).balance).toBe(5_000);

    // The first order string is paid anyway: that money goes back, the order is not paid by it.
    await sandboxPay('/sandbox/alipay/pay', { order_string: first.body.data.pay_param });
    await eventually(
      async () =>
        (
          await stack.env.sql<{ status: string }>(
            'SELECT status FROM payment.attempt WHERE session_id = $1',
            [first.body.data.payment_id],
          )
        )[0]?.status === 'refunded',
      10_000,
      'superseded money refunded',
    );
    expect((await status(who, order)).payment_status).toBe('not_paid');

    await sandboxPay('/sandbox/alipay/pay', { order_string: second.body.data.pay_param });
    await paidStatus(who, order);
    const shown = await payments(order);
    expect(shown.map((payment) => [payment.id, payment.status, payment.is_available])).toEqual([
      [first.body.data.payment_id, 'pending', false],
      [second.body.data.payment_id, 'paid', true],
    ]);
  });

  it('refuses what seed 002 refuses, in its envelope, writing nothing', async () => {
    const who = await payer(200);
    const other = await payer();
    const order = await submitted(who);
    const refused = async (fields: Json, status: number, as: Payer = who) => {
      const answer = await pay(as, order, fields).expect(status);
      expect(answer.body).toEqual({ status: 0, msg: expect.any(String), data: [] });
      return answer.body.msg as string;
    };
    const full = yuan(order.total);
    expect(await refused({ pay_method: 1, pay_price: yuan(order.total - 1) }, 400)).toMatch(/pay_price/);
    await refused({ pay_method: 3, pay_price: '0', pay_integral: 100 }, 400); // points do not cover it
    await refused({ pay_method: 4, pay_price: '0', pay_integral: order.total }, 400); // points cover it: 3 only
    await refused({ pay_method: 1, pay_price: yuan(order.total - 100), pay_integral: 100 }, 400); // 1 takes no points
    await refused({ pay_method: 4, pay_price: yuan(order.total - 300), pay_integral: 300 }, 400); // balance 200
    await refused({ pay_method: 6, pay_price: full }, 400);
    await refused({ pay_method: 1, pay_price: 'ten' }, 400);
    await refused({ pay_method: 1, pay_price: full, freight_mode: 1 }, 400); // does not ship free
    await refused({ pay_method: 1, pay_price: full, freight_json_arr_key: 0 }, 400);
    await refused({ pay_method: 1, pay_price: full, address_id: other.address_id }, 400);
    await refused({ pay_method: 1, pay_price: full, order_id: 'order_other' }, 400);
    await refused({ pay_method: 1, pay_price: full, address_id: other.address_id }, 404, other);
    const anonymous = await request(gateway)
      .post(`/store/orders/${order.id}/pay`)
      .send(body(who, {}))
      .expect(401);
    expect(anonymous.body).toEqual({ status: 0, msg: 'token过期', data: [] });
    const expired = await request(gateway)
      .post(`/store/orders/${order.id}/pay`)
      .set('token', `${who.token.slice(0, -4)}AAAA`)
      .send(body(who, { pay_method: 1, pay_price: full }))
      .expect(401);
    expect(expired.body.msg).toBe('token过期');
    expect(await payments(order)).toEqual([]);
    expect((await balance(who)).balance).toBe(200);

    // Paid on delivery (到付): the shipping leaves what is due now.
    const onDelivery = await pay(who, order, {
      pay_method: 1,
      freight_json_arr_key: 1,
      pay_price: yuan(order.total - order.shipping_total - order.shipping_tax_total),
    }).expect(200);
    expect(onDelivery.body.data.pay_param.prepayid).toEqual(expect.any(String));
    expect((await status(who, order)).due).toBe(
      order.total - order.shipping_total - order.shipping_tax_total,
    );

    // Canceled by the customer: paying it is refused.
    await request(gateway).post(`/store/orders/${order.id}/cancel`).set(who.auth).expect(200);
    expect(await refused({ pay_method: 1, pay_price: full }, 400)).toMatch(/canceled/);
  });

  it('answers a waiting payment-status request as soon as the money arrives', async () => {
    const who = await payer();
    const order = await submitted(who);
    const answer = await pay(who, order, { pay_method: 1, pay_price: yuan(order.total) }).expect(200);
    const started = Date.now();
    const waiting = status(who, order, 20);
    await new Promise((resolve) => setTimeout(resolve, 300));
    await sandboxPay('/sandbox/wechat/pay', { prepay_id: answer.body.data.pay_param.prepayid });
    expect(await waiting).toEqual({ payment_status: 'captured', paid: order.total, due: 0 });
    expect(Date.now() - started).toBeLessThan(15_000);
    const quick = Date.now();
    expect((await status(who, order, 20)).payment_status).toBe('captured');
    expect(Date.now() - quick).toBeLessThan(5_000);
  });

  it('shows seed 001’s payments across a superseded, an expired and a paid attempt, with their webhooks', async () => {
    const who = await payer();
    const order = await submitted(who);
    const superseded = (await pay(who, order, { pay_method: 2, pay_price: yuan(order.total) }).expect(200))
      .body.data;
    const expiring = (await pay(who, order, { pay_method: 1, pay_price: yuan(order.total) }).expect(200)).body
      .data;
    await stack.env.sql(
      `UPDATE payment.attempt SET expires_at = now() - interval '1 second' WHERE session_id = $1`,
      [expiring.payment_id],
    );
    await eventually(
      async () =>
        (await payments(order)).find((shown) => shown.id === expiring.payment_id)?.status === 'expired',
      10_000,
      'attempt expired',
    );
    const paying = (await pay(who, order, { pay_method: 1, pay_price: yuan(order.total) }).expect(200)).body
      .data;
    await sandboxPay('/sandbox/wechat/pay', { prepay_id: paying.pay_param.prepayid });
    await paidStatus(who, order);

    const shown = await payments(order);
    expect(shown.map((payment) => [payment.id, payment.status, payment.is_available])).toEqual([
      [superseded.payment_id, 'pending', false],
      [expiring.payment_id, 'expired', false],
      [paying.payment_id, 'paid', true],
    ]);
    for (const payment of shown) {
      expect(Date.parse(payment.exipired_at)).toBeLessThanOrEqual(Date.parse(order.pay_expire));
    }
    expect(shown[2].gateway_payment_no).toEqual(expect.any(String));
    expect(shown[0].gateway_payment_no).toBeUndefined();
    const count = await request(gateway).get(`/store/orders/${order.id}/payments/count`).expect(200);
    expect(count.body).toEqual({ count: 3 });
    const one = await request(gateway)
      .get(`/store/orders/${order.id}/payments/${paying.payment_id}?fields=id,status,amount`)
      .expect(200);
    expect(one.body).toEqual({ payment: { id: paying.payment_id, status: 'paid', amount: order.total } });
    expect((await payments(order, 'id,is_available')).map((payment) => Object.keys(payment))).toEqual([
      ['id', 'is_available'],
      ['id', 'is_available'],
      ['id', 'is_available'],
    ]);

    const heard = (type: string) =>
      hooks
        .filter((hook) => hook.type === type && hook.data.order_id === order.id)
        .map((hook) => hook.data.payment);
    await eventually(async () => heard('order.payment-paid').length === 1, 10_000, 'paid webhook');
    expect(heard('order.payment-created').map((payment) => payment.id)).toEqual([
      superseded.payment_id,
      expiring.payment_id,
      paying.payment_id,
    ]);
    expect(heard('order.payment-expired').map((payment) => payment.id)).toEqual([expiring.payment_id]);
    expect(heard('order.payment-paid')[0]).toMatchObject({
      id: paying.payment_id,
      status: 'paid',
      is_available: true,
    });
  });

  it('a payment racing the expiry sweep ends paid, or canceled with its money and points given back — never both', async () => {
    // Canceled first, paid afterwards: the money and the points go back, the order stays canceled.
    const late = await payer(1_000);
    const order = await submitted(late);
    const answer = await pay(late, order, {
      pay_method: 4,
      pay_integral: 500,
      pay_price: yuan(order.total - 500),
    }).expect(200);
    await stack.env.sql(`UPDATE "order"."order" SET pay_expire = now() WHERE id = $1`, [order.id]);
    await eventually(
      async () => (await status(late, order)).payment_status === 'canceled',
      10_000,
      'expired',
    );
    await eventually(async () => (await balance(late)).balance === 1_000, 10_000, 'held points back');
    await sandboxPay('/sandbox/wechat/pay', { prepay_id: answer.body.data.pay_param.prepayid });
    await eventually(
      async () =>
        (
          await stack.env.sql<{ status: string }>(
            'SELECT status FROM payment.attempt WHERE session_id = $1',
            [answer.body.data.payment_id],
          )
        )[0]?.status === 'refunded',
      10_000,
      'late money refunded',
    );
    expect(await status(late, order)).toMatchObject({ payment_status: 'canceled', due: 0 });
    expect((await balance(late)).balance).toBe(1_000);

    for (let round = 0; round < 3; round += 1) {
      const who = await payer(1_000);
      const order = await submitted(who);
      const answer = await pay(who, order, {
        pay_method: 4,
        pay_integral: 500,
        pay_price: yuan(order.total - 500),
      }).expect(200);
      await stack.env.sql(
        `UPDATE "order"."order" SET pay_expire = now() + interval '50 milliseconds' WHERE id = $1`,
        [order.id],
      );
      await new Promise((resolve) => setTimeout(resolve, round * 40));
      await sandboxPay('/sandbox/wechat/pay', { prepay_id: answer.body.data.pay_param.prepayid });
      await eventually(
        async () => {
          const now = await status(who, order);
          if (now.payment_status === 'captured') return true;
          if (now.payment_status !== 'canceled') return false;
          const [attempt] = await stack.env.sql<{ status: string }>(
            'SELECT status FROM payment.attempt WHERE session_id = $1',
            [answer.body.data.payment_id],
          );
          return attempt?.status === 'refunded' && (await balance(who)).balance === 1_000;
        },
        15_000,
        'paid, or canceled and refunded',
      );
      const settled = await status(who, order);
      const [attempt] = await stack.env.sql<{ status: string }>(
        'SELECT status FROM payment.attempt WHERE session_id = $1',
        [answer.body.data.payment_id],
      );
      if (settled.payment_status === 'captured') {
        expect(attempt.status).toBe('captured');
        expect((await balance(who)).balance).toBe(500 + Math.floor((order.total - 500) / 100));
      } else {
        expect(attempt.status).toBe('refunded');
        expect((await balance(who)).balance).toBe(1_000);
      }
    }
  });

  /** Fulfills and ships every unit of the order, then the customer returns one unit and it arrives. */
  const shippedReturnedReceived = async (order: Json): Promise<Json> => {
    const item = order.items[0] as Json;
    const fulfilled = await request(gateway)
      .post(`/admin/orders/${order.id}/fulfillment`)
      .set(admin)
      .send({ items: [{ item_id: item.id, quantity: item.quantity }] })
      .expect(200);
    const [fulfillment] = fulfilled.body.order.fulfillments as Json[];
    await request(gateway)
      .post(`/admin/orders/${order.id}/shipment`)
      .set(admin)
      .send({ fulfillment_id: fulfillment.id, tracking_numbers: ['SF1234567890'] })
      .expect(200);
    const asked = await request(gateway)
      .post('/store/returns')
      .send({ order_id: order.id, items: [{ item_id: item.id, quantity: 1 }] })
      .expect(200);
    const received = await request(gateway)
      .post(`/admin/returns/${asked.body.return.id}/receive`)
      .set(admin)
      .send({ items: [{ item_id: item.id, quantity: 1 }] })
      .expect(200);
    return received.body.return as Json;
  };

  it('after the sale, a points-paid order fulfilled, shipped and returned gets its points back', async () => {
    const who = await payer(100_000);
    const order = await submitted(who);
    await pay(who, order, { pay_method: 3, pay_price: '0', pay_integral: order.total }).expect(200);
    const received = await shippedReturnedReceived(order);
    const item = order.items[0] as Json;
    const worth = Math.round((item.total as number) / (item.quantity as number));
    expect(received).toMatchObject({ status: 'received', refund_amount: worth });
    const after = (await request(gateway).get(`/admin/orders/${order.id}`).set(admin).expect(200)).body.order;
    expect(after).toMatchObject({ fulfillment_status: 'returned', refunded_total: worth });
    const points = await balance(who);
    expect(points.balance).toBe(100_000 - order.total + worth);
    expect(points.entries[0]).toMatchObject({ type: 'refund', points: worth });
  });

  it('after the sale, a cashier-paid order fulfilled, shipped and returned is refunded at the cashier', async () => {
    const cart = await readyForCheckout(gateway, {
      items: [{ variant_id: V.mugWhite, quantity: 2 }],
      provider: 'cashier',
    });
    const session = cart.payment_session as Json;
    const page = await request(new URL(session.data.session_url).origin)
      .post(new URL(session.data.session_url).pathname)
      .type('form')
      .send({ card_number: TEST_CARDS.success, expiry: '12/30', cvc: '123', ...BILLING_FORM })
      .redirects(0);
    expect(page.status).toBe(303);
    const placedOrder = async () =>
      (await request(gateway).post(`/store/carts/${cart.id}/complete`).expect(200)).body as Json;
    await eventually(async () => (await placedOrder()).type === 'order', 10_000, 'order placed');
    const order = (await placedOrder()).data as Json;
    expect(order.payment_status).toBe('captured');
    const received = await shippedReturnedReceived(order);
    const item = order.items[0] as Json;
    const worth = Math.round((item.total as number) / (item.quantity as number));
    expect(received.refund_amount).toBe(worth);
    const refunds = await stack.env.sql<{ amount: number }>(
      `SELECT (envelope->'data'->>'amount')::int AS amount FROM payment.outbox
       WHERE subject = 'events.payment.refunded' AND envelope->>'aggregate_id' = $1`,
      [session.id],
    );
    expect(refunds).toEqual([{ amount: worth }]);
    const after = (await request(gateway).get(`/admin/orders/${order.id}`).set(admin).expect(200)).body.order;
    expect(after).toMatchObject({
      fulfillment_status: 'partially_returned',
      payment_status: 'partially_refunded',
    });
  });
});
