import { DemoVariantIds as V } from '@app/contracts';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { chineseShopper } from '../support/customers';
import { PaymentStack, startPaymentStack } from '../support/payment-stack';
import { Json } from '../support/store-carts';
import { eventually } from '../support/test-environment';

/**
 * Presale orders (seed 004) end to end through the PSP sandbox: submit, the deposit by WeChat, the
 * balance window opening with its reminder, the balance by Alipay; a deposit missed, a balance
 * missed (the deposit kept), the last presale units under parallel submits, and the refusals.
 */
describe('presale orders: deposit now, balance later', () => {
  let stack: PaymentStack;
  let gateway: string;
  const smsDir = mkdtempSync(join(tmpdir(), 'presale-sms-'));
  const texts = () =>
    readdirSync(smsDir).map((name) => JSON.parse(readFileSync(join(smsDir, name), 'utf8')) as Json);

  const shopper = (points = 0) =>
    chineseShopper(gateway, (text, values) => stack.env.sql(text, values), points);

  type Shopper = Awaited<ReturnType<typeof shopper>>;

  const post = async (path: string, who: Shopper, body: Json, status = 200) => {
    const answer = await request(gateway).post(path).set('token', who.token).send(body).expect(status);
    return answer.body as Json;
  };

  const submit = (who: Shopper, fields: Json = {}, status = 200) =>
    post(
      '/store/presale/submit',
      who,
      {
        product_sku: 'CADDY-PW-250',
        buy_number: 1,
        address_id: who.address_id,
        delivery_time: 2,
        delivery_way: 1,
        invoices_title: '个人',
        invoices_type_id: 7,
        remark: '请尽快发货',
        tail_pay_notice_phone: '139****4768',
        ...fields,
      },
      status,
    );

  const order = async (who: Shopper, id: string) =>
    (await request(gateway).get(`/store/orders/${id}`).set(who.auth).expect(200)).body.order as Json;

  const status = async (who: Shopper, id: string) =>
    (await request(gateway).get(`/store/orders/${id}/payment-status`).set(who.auth).expect(200)).body;

  const sold = async () =>
    (
      await stack.env.sql<{ sold: number }>('SELECT sold FROM catalog.presale_offer WHERE variant_id = $1', [
        V.teaCaddy,
      ])
    )[0].sold;

  /** The deposit (¥20.00) paid with points at once. */
  const depositWithPoints = (who: Shopper, orderId: string) =>
    post(`/store/orders/${orderId}/pay`, who, {
      pay_method: 3,
      pay_price: '0',
      pay_integral: 2_000,
      address_id: who.address_id,
    });

  /** Moves the order's balance window to have opened a moment ago (time, injected). */
  const openBalanceWindow = (id: string) =>
    stack.env.sql(
      `UPDATE "order"."order" SET presale = jsonb_set(presale, '{balance_opens_at}', to_jsonb(now() - interval '1 second'))
       WHERE id = $1`,
      [id],
    );

  beforeAll(async () => {
    stack = await startPaymentStack(
      {
        ORDER_EXPIRY_SWEEP_MS: '100',
        PAYMENT_EXPIRY_SWEEP_MS: '200',
        WEBHOOK_POLL_MS: '50',
        SMS_TRANSPORT: 'file',
        SMS_DIR: smsDir,
      },
      {
        freshDatabase: true,
        apps: ['catalog', 'cart', 'payment', 'order', 'customer', 'notification', 'gateway'],
      },
    );
    gateway = stack.gateway;
  });
  afterAll(() => stack.close());

  it('submit → deposit by WeChat → the window opens, a reminder by SMS → balance by Alipay → paid', async () => {
    const who = await shopper();
    const before = await sold();
    const submitted = await submit(who);
    expect(submitted).toMatchObject({ alg: 'SALT_MD5', code: 200, message: 'submit order .' });
    const data = submitted.data;
    expect(data).toMatchObject({ order_amount: 178, payment_amount: '20.00', payment_status: 0 });
    expect(data.create_time).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
    expect(await sold()).toBe(before + 1);
    const placed = await order(who, data.order_id);
    expect(placed).toMatchObject({ display_id: data.order_code, payment_status: 'not_paid', total: 17800 });
    expect(placed.presale).toMatchObject({
      deposit_amount: 2000,
      balance_amount: 15800,
      tail_pay_notice_phone: '13912344768',
      invoices_title: '个人',
      invoices_type_id: 7,
      remark: '请尽快发货',
      delivery_time: 2,
      delivery_way: 1,
      deposit_paid_at: null,
      packages: [{ supplier_id: '0', quantity: 1, shipping_amount: 1000 }],
    });
    const window = Date.parse(placed.pay_expire) - Date.parse(placed.created_at);
    expect(Math.abs(window - 120 * 60_000)).toBeLessThan(5_000);
    expect(await status(who, data.order_id)).toEqual({ payment_status: 'not_paid', paid: 0, due: 2000 });

    // The deposit, by WeChat (the freight fields do not apply to presale).
    const deposit = await post(`/store/orders/${data.order_id}/pay`, who, {
      pay_method: 1,
      pay_price: '20.00',
      address_id: who.address_id,
    });
    await request(stack.sandbox.url)
      .post('/sandbox/wechat/pay')
      .send({ prepay_id: deposit.data.pay_param.prepayid })
      .expect(200);
    await eventually(async () => (await status(who, data.order_id)).paid === 2000, 10_000, 'deposit paid');
    expect(await status(who, data.order_id)).toEqual({ payment_status: 'not_paid', paid: 2000, due: 15800 });
    const waiting = await order(who, data.order_id);
    expect(waiting.presale.deposit_paid_at).not.toBeNull();
    expect(Date.parse(waiting.pay_expire)).toBe(Date.parse(placed.presale.balance_closes_at));

    // The balance, before its window: refused.
    const early = await post(
      `/store/orders/${data.order_id}/pay`,
      who,
      { pay_method: 2, pay_price: '158.00', address_id: who.address_id },
      400,
    );
    expect(early.msg).toMatch(/balance/);

    await openBalanceWindow(data.order_id);
    await eventually(
      async () =>
        (
          await stack.env.sql(
            `SELECT 1 FROM "order".outbox WHERE subject = 'events.order.presale-balance-due'
             AND envelope->'data'->>'order_id' = $1 AND envelope->'data'->>'phone' = '13912344768'`,
            [data.order_id],
          )
        ).length === 1,
      10_000,
      'reminder',
    );
    await eventually(
      async () =>
        texts().some((text) => text.text.includes(`${data.order_code}`) && text.text.includes('158.00')),
      10_000,
      'reminder SMS',
    );
    const [sms] = texts().filter((text) => text.text.includes(`订单${data.order_code}尾款`));
    expect(sms).toMatchObject({
      phone: '13912344768',
      template_params: { order_code: String(data.order_code), amount: '158.00' },
    });

    const balance = await post(`/store/orders/${data.order_id}/pay`, who, {
      pay_method: 2,
      pay_price: '158.00',
      address_id: who.address_id,
    });
    await request(stack.sandbox.url)
      .post('/sandbox/alipay/pay')
      .send({ order_string: balance.data.pay_param })
      .expect(200);
    await eventually(
      async () => (await status(who, data.order_id)).payment_status === 'captured',
      10_000,
      'balance paid',
    );
    expect(await status(who, data.order_id)).toEqual({ payment_status: 'captured', paid: 17800, due: 0 });
  });

  it('a deposit missed cancels the order and gives its presale units back', async () => {
    const who = await shopper();
    const before = await sold();
    const { data } = await submit(who);
    expect(await sold()).toBe(before + 1);
    await stack.env.sql(`UPDATE "order"."order" SET pay_expire = now() WHERE id = $1`, [data.order_id]);
    await eventually(async () => (await order(who, data.order_id)).status === 'canceled', 10_000, 'canceled');
    await eventually(async () => (await sold()) === before, 10_000, 'units back');
  });

  it('a balance missed cancels the order and keeps the deposit (not refundable)', async () => {
    const who = await shopper(2_000);
    const { data } = await submit(who);
    await depositWithPoints(who, data.order_id);
    expect(await status(who, data.order_id)).toEqual({ payment_status: 'not_paid', paid: 2000, due: 15800 });
    await request(gateway).post(`/store/orders/${data.order_id}/cancel`).set(who.auth).expect(400);
    await stack.env.sql(`UPDATE "order"."order" SET pay_expire = now() WHERE id = $1`, [data.order_id]);
    await eventually(async () => (await order(who, data.order_id)).status === 'canceled', 10_000, 'canceled');
    const canceled = await stack.env.sql<{ keep: boolean }>(
      `SELECT (envelope->'data'->>'keep_paid')::boolean AS keep FROM "order".outbox
       WHERE subject = 'events.order.canceled' AND envelope->>'aggregate_id' = $1`,
      [data.order_id],
    );
    expect(canceled).toEqual([{ keep: true }]);
    await new Promise((resolve) => setTimeout(resolve, 500));
    const points = (await request(gateway).get('/store/customers/me/points').set(who.auth).expect(200)).body;
    expect(points.balance).toBe(0);
  });

  it('a balance missed refunds the deposit when the offer says deposits are refundable', async () => {
    const who = await shopper(2_000);
    const { data } = await submit(who);
    await stack.env.sql(
      `UPDATE "order"."order" SET presale = jsonb_set(presale, '{deposit_refundable}', 'true') WHERE id = $1`,
      [data.order_id],
    );
    await depositWithPoints(who, data.order_id);
    await stack.env.sql(`UPDATE "order"."order" SET pay_expire = now() WHERE id = $1`, [data.order_id]);
    await eventually(async () => (await order(who, data.order_id)).status === 'canceled', 10_000, 'canceled');
    await eventually(
      async () =>
        (await request(gateway).get('/store/customers/me/points').set(who.auth).expect(200)).body.balance ===
        2_000,
      10_000,
      'deposit refunded',
    );
  });

  it('settles the points chosen at submit with the balance: deposit + balance = goods + shipping − points', async () => {
    const who = await shopper(2_500);
    const { data } = await submit(who, { use_yoho_coin: '5.00' });
    expect(data).toMatchObject({ payment_amount: '20.00', order_amount: 178 });
    await depositWithPoints(who, data.order_id);
    await openBalanceWindow(data.order_id);
    const without = await post(
      `/store/orders/${data.order_id}/pay`,
      who,
      { pay_method: 2, pay_price: '158.00', address_id: who.address_id },
      400,
    );
    expect(without.msg).toMatch(/500 points/);
    const balance = await post(`/store/orders/${data.order_id}/pay`, who, {
      pay_method: 5,
      pay_integral: 500,
      pay_price: '153.00',
      address_id: who.address_id,
    });
    expect(balance.data.pay_param).toContain('total_amount');
    await request(stack.sandbox.url)
      .post('/sandbox/alipay/pay')
      .send({ order_string: balance.data.pay_param })
      .expect(200);
    await eventually(
      async () => (await status(who, data.order_id)).payment_status === 'captured',
      10_000,
      'balance paid',
    );
    // 2 000 points of deposit + ¥153.00 + 500 points = ¥178.00, the goods and the shipping.
    expect(await status(who, data.order_id)).toEqual({ payment_status: 'captured', paid: 17800, due: 0 });
  });

  it('sells the last 5 presale units to exactly 5 of 20 parallel submits', async () => {
    const shoppers = await Promise.all(Array.from({ length: 20 }, () => shopper()));
    await stack.env.sql('UPDATE catalog.presale_offer SET stock_limit = sold + 5 WHERE variant_id = $1', [
      V.teaCaddy,
    ]);
    try {
      const answers = await Promise.all(
        shoppers.map((who) =>
          request(gateway)
            .post('/store/presale/submit')
            .set('token', who.token)
            .send({ product_sku: 'CADDY-PW-250', buy_number: 1, address_id: who.address_id }),
        ),
      );
      expect(answers.filter((answer) => answer.status === 200)).toHaveLength(5);
      for (const answer of answers.filter((candidate) => candidate.status !== 200)) {
        expect([400, 409]).toContain(answer.status);
        expect(JSON.parse(answer.text).code).toBe(answer.status);
      }
      const [{ placed }] = await stack.env.sql<{ placed: number }>(
        `SELECT count(*)::int AS placed FROM "order"."order" WHERE customer_id = ANY($1)`,
        [shoppers.map((who) => who.id)],
      );
      expect(placed).toBe(5);
    } finally {
      await stack.env.sql('UPDATE catalog.presale_offer SET stock_limit = 20 WHERE variant_id = $1', [
        V.teaCaddy,
      ]);
    }
  });

  it('refuses over the buy limit across orders, another customer’s address, and a phone that is not the address’s', async () => {
    const who = await shopper();
    const other = await shopper();
    await submit(who, { buy_number: 2 });
    expect((await submit(who, {}, 400)).message).toMatch(/At most 2/);
    expect((await submit(other, { address_id: who.address_id }, 400)).message).toMatch(/address/);
    expect((await submit(other, { tail_pay_notice_phone: '138****0000' }, 400)).message).toMatch(/phone/);
  });
});
