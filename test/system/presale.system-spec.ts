import { DemoCustomerLevels, DemoProductIds, DemoRegionIds, DemoVariantIds as V } from '@app/contracts';
import { createHash } from 'node:crypto';
import request from 'supertest';
import { chineseShopper, signedUpCustomer } from '../support/customers';
import { createTestEnvironment, TestEnvironment } from '../support/test-environment';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/**
 * Presale in the catalog (seed 004): the demo's presale offer as a storefront's presale page lists
 * it, a presale variant refused as a cart line, and the customer levels vip1–vip3 priced at 95 %,
 * 90 % and 88 % of the regular price.
 */
describe('presale offers and customer levels', () => {
  let env: TestEnvironment;
  let gateway: string;

  beforeAll(async () => {
    env = await createTestEnvironment({
      apps: ['catalog', 'cart', 'customer', 'payment', 'order', 'gateway'],
    });
    gateway = env.url('gateway');
  });
  afterAll(() => env.close());

  it('lists the demo presale offer, no sign-in needed, in minor units', async () => {
    const { offers } = (await request(gateway).get('/store/presale/offers').expect(200)).body;
    const caddy = offers.find((offer: Json) => offer.variant_id === V.teaCaddy);
    expect(caddy).toEqual({
      variant_id: V.teaCaddy,
      sku: 'CADDY-PW-250',
      product_id: DemoProductIds.teaCaddy,
      title: 'Pewter Tea Caddy 锡茶叶罐 Silver / 250 g',
      currency_code: 'cny',
      deposit_amount: 2000,
      price: 16800,
      balance_opens_at: expect.any(String),
      balance_closes_at: expect.any(String),
      stock: expect.any(Number),
      buy_limit: 2,
      expect_arrival_time: expect.any(String),
      deposit_refundable: false,
    });
    expect(caddy.deposit_amount).toBeLessThan(caddy.price);
    expect(Date.parse(caddy.balance_opens_at)).toBeGreaterThan(Date.now());
    expect(Date.parse(caddy.balance_closes_at)).toBeGreaterThan(Date.parse(caddy.balance_opens_at));
  });

  it('refuses a presale variant as a cart line, on creation and when added', async () => {
    const created = await request(gateway)
      .post('/store/carts')
      .send({ region_id: DemoRegionIds.china, items: [{ variant_id: V.teaCaddy, quantity: 1 }] })
      .expect(400);
    expect(created.body).toMatchObject({ type: 'invalid_data', code: 'presale_only' });
    const { cart } = (
      await request(gateway).post('/store/carts').send({ region_id: DemoRegionIds.china }).expect(200)
    ).body;
    const added = await request(gateway)
      .post(`/store/carts/${cart.id}/line-items`)
      .send({ variant_id: V.teaCaddy, quantity: 1 })
      .expect(400);
    expect(added.body.message).toMatch(/presale/);
    expect((await request(gateway).get(`/store/carts/${cart.id}`).expect(200)).body.cart.items).toEqual([]);
  });

  /** A signed-up customer with an address (the seed's mobile) and points. */
  const shopper = (points = 0) => chineseShopper(gateway, (text, values) => env.sql(text, values), points);

  /** Posts to a presale route; the answer's envelope is checked (its md5 over the salt and `data`). */
  const presale = async (path: string, auth: Record<string, string>, body: Json, status = 200) => {
    const answer = await request(gateway).post(`/store/presale/${path}`).set(auth).send(body).expect(status);
    const envelope = JSON.parse(answer.text);
    expect(envelope).toMatchObject({ alg: 'SALT_MD5', code: status });
    const data = JSON.stringify(envelope.data);
    expect(answer.text).toContain(`"data":${data},`);
    expect(envelope.md5).toBe(createHash('md5').update(`development-presale-salt${data}`).digest('hex'));
    return envelope;
  };

  it('settles a presale purchase as seed 004 shows it: deposit now, the balance with shipping later', async () => {
    const member = await shopper(800);
    const { data, message } = await presale(
      'settle',
      { token: member.token },
      {
        uid: member.id,
        product_sku: 'CADDY-PW-250',
        buy_number: 2,
        client_type: 'iphone',
        is_support_apple_pay: 'N',
      },
    );
    expect(message).toBe('payment data.');
    expect(data.delivery_address).toMatchObject({
      consignee: '林慧',
      mobile: '139****4768',
      is_support: 'Y',
    });
    expect(data.delivery_time.map((time: Json) => time.default)).toEqual(['N', 'Y', 'N']);
    expect(data.delivery_way).toEqual([
      expect.objectContaining({
        delivery_way_id: 1,
        delivery_way_name: '普通快递',
        delivery_way_cost: 10,
        default: 'Y',
      }),
      expect.objectContaining({
        delivery_way_id: 2,
        delivery_way_name: '顺丰速运',
        delivery_way_cost: 15,
        default: 'N',
      }),
    ]);
    expect(data.goods_list).toEqual([
      expect.objectContaining({
        product_sku: 'CADDY-PW-250',
        product_skn: V.teaCaddy,
        buy_number: '2',
        buy_limit: 2,
        color_name: 'Silver',
        size_name: '250 g',
        is_advance: 'Y',
        last_price: '168.00',
        subtotal: 336,
        vip1_price: '159.60',
        vip2_price: '151.20',
        vip3_price: '147.84',
      }),
    ]);
    expect(data.payment_way.find((way: Json) => way.payment_name === '货到付款')).toMatchObject({
      is_support: 'N',
    });
    expect(
      data.payment_way.filter((way: Json) => way.is_support === 'Y').map((way: Json) => way.payment_name),
    ).toEqual(expect.arrayContaining(['微信支付', '支付宝']));
    expect(data.shopping_cart_data).toMatchObject({
      order_amount: 336,
      shipping_cost: 10,
      last_order_amount: 346,
      order_deposit_amount: '40.00',
      order_tail_pay_amount: '306.00',
      promotion_formula: '总计¥346.00=商品金额¥336.00+运费¥10.00',
    });
    expect(data.shopping_cart_data.promotion_formula_list.map((line: Json) => line.promotion)).toEqual([
      '商品金额',
      '定金金额',
      '尾款金额',
      '运费',
    ]);
    expect(data).toMatchObject({ tail_pay_notice_phone: '139****4768', yoho_coin: 800, uid: member.id });
  });

  it('computes with the express way and points: the coin line, the packages, deposit + balance = goods + shipping − coin', async () => {
    const member = await shopper(800);
    const { data } = await presale('compute', member.auth, {
      product_sku: V.teaCaddy,
      buy_number: 1,
      delivery_way: 2,
      use_yoho_coin: '5.00',
      client_type: 'web',
    });
    expect(data).toMatchObject({
      shipping_cost: 15,
      order_amount: 168,
      last_order_amount: 178,
      order_deposit_amount: '20.00',
      order_tail_pay_amount: '158.00',
      use_yoho_coin: 5,
      is_multi_package: 'N',
    });
    expect(data.promotion_formula_list.at(-1)).toEqual({ promotion: '有货币', promotion_amount: '-¥5.00' });
    expect(data.package_list).toEqual([
      expect.objectContaining({ supplier_id: '0', shopping_cost: 15, shopping_orig_cost: 15 }),
    ]);
    expect(data.delivery_way.find((way: Json) => way.default === 'Y').delivery_way_id).toBe(2);
  });

  it('refuses in the envelope: over the buy limit, another uid, coin beyond the points or the balance, no sign-in', async () => {
    const member = await shopper(100);
    const refused = async (body: Json, status = 400) =>
      (await presale('compute', member.auth, { product_sku: 'CADDY-PW-250', buy_number: 1, ...body }, status))
        .message as string;
    expect(await refused({ buy_number: 3 })).toMatch(/At most 2/);
    expect(await refused({ uid: 'cus_someone_else' })).toMatch(/uid/);
    expect(await refused({ use_yoho_coin: '2.00' })).toMatch(/points/); // 200 points, 100 held by the customer
    await env.sql('UPDATE payment.points_balance SET balance = 100000 WHERE customer_id = $1', [member.id]);
    expect(await refused({ use_yoho_coin: '170.00' })).toMatch(/balance/);
    expect(await refused({ product_sku: V.teeSmallWhite }, 404)).toMatch(/presale/);
    const anonymous = await presale('settle', {}, { product_sku: 'CADDY-PW-250', buy_number: 1 }, 401);
    expect(anonymous.message).toBe('token过期');
  });

  it('refuses a presale whose balance window has opened: the deposit is no longer sold', async () => {
    const member = await shopper();
    const [{ opens }] = await env.sql<{ opens: Date }>(
      'SELECT balance_opens_at AS opens FROM catalog.presale_offer WHERE variant_id = $1',
      [V.teaCaddy],
    );
    await env.sql(
      `UPDATE catalog.presale_offer SET balance_opens_at = now() - interval '1 second' WHERE variant_id = $1`,
      [V.teaCaddy],
    );
    try {
      const { message } = await presale(
        'settle',
        member.auth,
        { product_sku: 'CADDY-PW-250', buy_number: 1 },
        400,
      );
      expect(message).toMatch(/presale of this product has ended/);
    } finally {
      await env.sql('UPDATE catalog.presale_offer SET balance_opens_at = $2 WHERE variant_id = $1', [
        V.teaCaddy,
        opens,
      ]);
    }
  });

  it.each(DemoCustomerLevels)('prices a $name customer at $percent % of the regular price', async (level) => {
    const member = await signedUpCustomer(gateway);
    await env.sql(
      'INSERT INTO customer.customer_group_customer (customer_group_id, customer_id) VALUES ($1, $2)',
      [level.group_id, member.id],
    );
    const { cart } = (
      await request(gateway)
        .post('/store/carts')
        .set(member.auth)
        .send({ region_id: DemoRegionIds.china, items: [{ variant_id: V.teeSmallWhite, quantity: 1 }] })
        .expect(200)
    ).body;
    expect(cart.items[0].unit_price).toBe(Math.round((9900 * level.percent) / 100));
  });
});
