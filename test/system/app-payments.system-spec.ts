import { DemoRegionIds, DemoVariantIds as V } from '@app/contracts';
import { MERCHANT_TEST_CREDENTIALS, SANDBOX_KEYS } from '../../tools/psp-sandbox/src/sandbox-keys';
import { createSign, createVerify, generateKeyPairSync } from 'node:crypto';
import request from 'supertest';
import { authorization } from '../../apps/payment/src/providers/wechat/wechat-signature';
import { Sandbox } from '../support/psp-sandbox';
import { Json, storeCarts } from '../support/store-carts';
import {
  cartPayingWith,
  cartWithSessions,
  PaymentStack,
  paymentEvents,
  startPaymentStack,
} from '../support/payment-stack';
import { SupersededPayments } from '../../apps/payment/src/sessions/superseded-payments.service';
import { eventually, TestEnvironment } from '../support/test-environment';

const verify = (publicKey: string, message: string, signature: string) =>
  createVerify('RSA-SHA256').update(message).verify(publicKey, signature, 'base64');
const sign = (privateKey: string, message: string) =>
  createSign('RSA-SHA256').update(message).sign(privateKey, 'base64');
const strangerKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({
  type: 'pkcs8',
  format: 'pem',
}) as string;

describe('WeChat Pay and Alipay app payments (seed 002) through the sandbox', () => {
  let stack: PaymentStack;
  let sandbox: Sandbox;
  let env: TestEnvironment;
  let gateway: string;
  let carts: ReturnType<typeof storeCarts>;

  /** A China cart (a tee, ¥99) paying with the provider: the selected session. */
  const paying = (provider: 'wechat' | 'alipay'): Promise<Json> =>
    cartPayingWith(gateway, provider, DemoRegionIds.china, [{ variant_id: V.teeSmallWhite, quantity: 1 }]);
  const sessionStatus = async (cartId: string) => (await carts.get(cartId)).payment_session.status;
  const attemptStatus = async (id: string) =>
    (await env.sql<{ status: string }>('SELECT status FROM payment.attempt WHERE id = $1', [id]))[0].status;
  const refundEvents = (sessionId: string) => paymentEvents(env, 'payment.refunded', sessionId);
  const simulate = (path: string, body: object) => request(sandbox.url).post(path).send(body).expect(200);
  const lastDelivery = (url: string) =>
    sandbox.notifier.deliveries.filter((delivery) => delivery.url.includes(url)).at(-1);

  beforeAll(async () => {
    stack = await startPaymentStack();
    ({ sandbox, env, gateway, carts } = stack);
  });
  afterAll(() => stack.close());

  describe('WeChat Pay', () => {
    it('gives seed 002’s app-pay parameters, signed with the merchant key', async () => {
      const cart = await paying('wechat');
      const { pay_param } = cart.payment_session.data;
      expect(Object.keys(pay_param).sort()).toEqual(
        ['appid', 'noncestr', 'package', 'partnerid', 'prepayid', 'sign', 'timestamp'].sort(),
      );
      expect(pay_param).toMatchObject({
        appid: SANDBOX_KEYS.wechat.appId,
        partnerid: SANDBOX_KEYS.wechat.merchantId,
        package: 'Sign=WXPay',
        prepayid: expect.stringMatching(/^wx/),
      });
      const message = `${pay_param.appid}\n${pay_param.timestamp}\n${pay_param.noncestr}\n${pay_param.prepayid}\n`;
      expect(verify(SANDBOX_KEYS.wechat.merchantPublicKey, message, pay_param.sign)).toBe(true);
      expect(cart.payment_session.status).toBe('requires_more');
    });

    it('the sandbox takes an API call only under our merchant certificate’s serial number', async () => {
      const wechat = MERCHANT_TEST_CREDENTIALS.wechat;
      const path = '/v3/pay/transactions/out-trade-no/ptx_none?mchid=' + wechat.merchantId;
      const call = (serial: string) =>
        request(sandbox.url)
          .get(path)
          .set(
            'authorization',
            authorization(
              { merchantId: wechat.merchantId, serial, privateKey: wechat.merchantPrivateKey },
              'GET',
              path,
              '',
            ),
          );
      expect((await call('0000OTHERSERIAL')).status).toBe(401);
      expect((await call(wechat.merchantSerial)).status).toBe(404);
    });

    it('the signed, encrypted notification of a payment authorizes the session', async () => {
      const cart = await paying('wechat');
      await simulate('/sandbox/wechat/pay', { prepay_id: cart.payment_session.data.pay_param.prepayid });
      await eventually(
        async () => (await sessionStatus(cart.id)) === 'authorized',
        10_000,
        'wechat authorized',
      );
      expect(lastDelivery('/hooks/payments/wechat')).toMatchObject({ status: 200 });
    });

    it('refuses a notification signed with another key, from another certificate, or tampered with', async () => {
      const cart = await paying('wechat');
      const body = JSON.stringify({ id: 'EV-forged', event_type: 'TRANSACTION.SUCCESS', resource: {} });
      const timestamp = String(Math.floor(Date.now() / 1000));
      const headers = (key: string, serial: string = SANDBOX_KEYS.wechat.platformSerial, signed = body) => ({
        'content-type': 'application/json',
        'wechatpay-timestamp': timestamp,
        'wechatpay-nonce': 'n1',
        'wechatpay-serial': serial,
        'wechatpay-signature': sign(key, `${timestamp}\nn1\n${signed}\n`),
      });
      for (const attempt of [
        headers(strangerKey),
        headers(SANDBOX_KEYS.wechat.platformPrivateKey, 'ANOTHER-SERIAL'),
        headers(SANDBOX_KEYS.wechat.platformPrivateKey, undefined, body.replace('forged', 'other')),
        // Genuinely signed, but its resource cannot be decrypted with our APIv3 key.
        headers(SANDBOX_KEYS.wechat.platformPrivateKey),
      ]) {
        const answer = await request(gateway).post('/hooks/payments/wechat').set(attempt).send(body);
        expect(answer.status).toBe(400);
        expect(answer.body).toEqual({ code: 'FAIL', message: '失败' });
      }
      expect(await sessionStatus(cart.id)).toBe('requires_more');
    });

    it('a paid session whose cart then changes is refunded, and a new one opened', async () => {
      const cart = await paying('wechat');
      await simulate('/sandbox/wechat/pay', { prepay_id: cart.payment_session.data.pay_param.prepayid });
      await eventually(
        async () => (await sessionStatus(cart.id)) === 'authorized',
        10_000,
        'wechat authorized',
      );
      const changed = await carts.add(cart.id, V.teeSmallWhite, 1);
      expect(changed.payment_session).toMatchObject({ status: 'requires_more', amount: 19800 });
      expect(await attemptStatus(cart.payment_session.data.out_trade_no)).toBe('refunded');
      expect(await refundEvents(cart.payment_session.id)).toHaveLength(1);
    });
  });

  describe('answers signed by the provider, or not taken', () => {
    afterEach(() => {
      sandbox.faults.forgeAnswers = false;
    });

    it('WeChat Pay: an answer not signed with its platform key opens no session (502 provider_unverified)', async () => {
      const ready = await cartWithSessions(gateway, DemoRegionIds.china, [
        { variant_id: V.teeSmallWhite, quantity: 1 },
      ]);
      sandbox.faults.forgeAnswers = true;
      const forged = await request(gateway)
        .post(`/store/carts/${ready.id}/payment-session`)
        .send({ provider_id: 'wechat' });
      expect({ status: forged.status, code: forged.body.code }).toEqual({
        status: 502,
        code: 'provider_unverified',
      });
      sandbox.faults.forgeAnswers = false;
      const cart = await paying('wechat');
      expect(cart.payment_session).toMatchObject({ status: 'requires_more' });
    });

    it('Alipay: a refund answered without Alipay’s sign is not taken as done; signed, it is', async () => {
      const cart = await paying('alipay');
      const attempt = cart.payment_session.data.out_trade_no;
      await simulate('/sandbox/alipay/pay', { order_string: cart.payment_session.data.pay_param });
      await eventually(
        async () => (await sessionStatus(cart.id)) === 'authorized',
        10_000,
        'alipay authorized',
      );
      // The cart changes: the paid attempt must go back, but Alipay's answer to the refund is forged.
      sandbox.faults.forgeAnswers = true;
      await carts.add(cart.id, V.teeSmallWhite, 1);
      expect(await attemptStatus(attempt)).toBe('captured');
      expect(await refundEvents(cart.payment_session.id)).toEqual([]);
      // The sweep asks again (the same refund id: once at Alipay); now Alipay's signed answer is taken.
      sandbox.faults.forgeAnswers = false;
      await env.app('payment').app.get(SupersededPayments, { strict: false }).sweep();
      expect(await attemptStatus(attempt)).toBe('refunded');
      expect(await refundEvents(cart.payment_session.id)).toHaveLength(1);
    });
  });

  describe('Alipay', () => {
    const params = (orderString: string) => Object.fromEntries(new URLSearchParams(orderString));
    const content = (values: Record<string, string>, omit: string[]) =>
      Object.keys(values)
        .filter((key) => !omit.includes(key))
        .sort()
        .map((key) => `${key}=${values[key]}`)
        .join('&');

    it('gives seed 002’s signed order string, in yuan', async () => {
      const cart = await paying('alipay');
      const order = params(cart.payment_session.data.pay_param);
      expect(order).toMatchObject({
        app_id: SANDBOX_KEYS.alipay.appId,
        method: 'alipay.trade.app.pay',
        sign_type: 'RSA2',
        charset: 'utf-8',
        version: '1.0',
        notify_url: expect.stringMatching(/\/hooks\/payments\/alipay$/),
      });
      expect(JSON.parse(order.biz_content)).toMatchObject({
        out_trade_no: cart.payment_session.data.out_trade_no,
        total_amount: '99.00',
        product_code: 'QUICK_MSECURITY_PAY',
      });
      expect(verify(SANDBOX_KEYS.alipay.appPublicKey, content(order, ['sign']), order.sign)).toBe(true);
    });

    it('the signed notification of a payment authorizes the session, answered `success`', async () => {
      const cart = await paying('alipay');
      await simulate('/sandbox/alipay/pay', { order_string: cart.payment_session.data.pay_param });
      await eventually(
        async () => (await sessionStatus(cart.id)) === 'authorized',
        10_000,
        'alipay authorized',
      );
      expect(lastDelivery('/hooks/payments/alipay')).toMatchObject({ status: 200, answer: 'success' });
    });

    it('refuses a forged notification or a wrong amount; a repeated one is acknowledged and changes nothing', async () => {
      const cart = await paying('alipay');
      const notification = (
        overrides: Record<string, string>,
        key: string = SANDBOX_KEYS.alipay.platformPrivateKey,
      ) => {
        const values: Record<string, string> = {
          notify_id: `N${Date.now()}`,
          notify_type: 'trade_status_sync',
          app_id: SANDBOX_KEYS.alipay.appId,
          seller_id: SANDBOX_KEYS.alipay.sellerId,
          out_trade_no: cart.payment_session.data.out_trade_no,
          trade_no: '2026000001',
          trade_status: 'TRADE_SUCCESS',
          total_amount: '99.00',
          sign_type: 'RSA2',
          ...overrides,
        };
        values.sign = sign(key, content(values, ['sign', 'sign_type']));
        return new URLSearchParams(values).toString();
      };
      const post = (body: string) =>
        request(gateway)
          .post('/hooks/payments/alipay')
          .set('content-type', 'application/x-www-form-urlencoded')
          .send(body);
      for (const body of [
        notification({}, strangerKey),
        notification({ total_amount: '98.99' }),
        notification({ seller_id: '2088000000000000' }),
      ]) {
        const answer = await post(body);
        expect(answer.status).toBe(400);
        expect(answer.text).toBe('failure');
      }
      expect(await sessionStatus(cart.id)).toBe('requires_more');
      const genuine = notification({ notify_id: 'N-once' });
      expect((await post(genuine)).text).toBe('success');
      expect((await post(genuine)).text).toBe('success');
      await eventually(
        async () => (await sessionStatus(cart.id)) === 'authorized',
        10_000,
        'alipay authorized',
      );
      const authorized = await paymentEvents(env, 'payment.session-authorized', cart.payment_session.id);
      expect(authorized).toHaveLength(1);
    });
  });
});
