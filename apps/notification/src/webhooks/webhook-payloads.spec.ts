import { EventEnvelope } from '@app/contracts';
import { createHmac } from 'node:crypto';
import { accepted, feishuText, webhookRequest } from './webhook-payloads';

const event = (type: string, data: Record<string, unknown>): EventEnvelope => ({
  id: 'evt_1',
  type,
  occurred_at: '2026-11-22T01:00:00.000Z',
  aggregate_id: 'x',
  aggregate_version: 1,
  correlation_id: null,
  data,
});

describe('webhook payloads', () => {
  it.each([
    [
      'order.paid',
      { display_id: 7, total: 9900, currency_code: 'cny', email: 'a@b.cn' },
      '订单支付成功通知\n订单号：#7\n金额：CNY 99.00\n客户：a@b.cn',
    ],
    [
      'order.placed',
      { display_id: 8, total: 2040, currency_code: 'eur', email: 'a@b.eu' },
      '新订单通知\n订单号：#8\n金额：EUR 20.40\n客户：a@b.eu',
    ],
    [
      'payment.session-failed',
      { cart_id: 'cart_1', provider_id: 'cashier', amount: 100, currency_code: 'eur' },
      '支付失败通知\n购物车：cart_1\n支付方式：cashier\n金额：EUR 1.00',
    ],
    [
      'payment.session-expired',
      { cart_id: 'cart_2', provider_id: 'wechat', amount: 9900, currency_code: 'cny' },
      '支付超时通知\n购物车：cart_2\n支付方式：wechat\n金额：CNY 99.00',
    ],
    [
      'payment.refunded',
      { cart_id: 'cart_3', provider_id: 'alipay', amount: 500, currency_code: 'cny' },
      '退款通知\n购物车：cart_3\n支付方式：alipay\n金额：CNY 5.00',
    ],
  ])('a Feishu message for %s', (type, data, text) => {
    expect(feishuText(event(type, data))).toBe(text);
  });

  it('signs a plain webhook over its timestamp and body', () => {
    const signed = webhookRequest(
      event('order.paid', { display_id: 1 }),
      'secret',
      new Date('2026-11-22T01:00:05Z'),
    );
    expect(signed.headers['x-webhook-timestamp']).toBe('1795309205');
    const expected = createHmac('sha256', 'secret').update(`1795309205.${signed.body}`).digest('hex');
    expect(signed.headers['x-webhook-signature']).toBe(expected);
    expect(JSON.parse(signed.body)).toEqual({
      id: 'evt_1',
      type: 'order.paid',
      created_at: '2026-11-22T01:00:00.000Z',
      data: { display_id: 1 },
    });
  });

  it('counts only a 2xx as received, and for Feishu only code 0', () => {
    expect(accepted('webhook', 204, '')).toBe(true);
    expect(accepted('webhook', 301, '')).toBe(false);
    expect(accepted('feishu', 200, '{"code":0,"msg":"success"}')).toBe(true);
    expect(accepted('feishu', 200, '{"code":19021,"msg":"sign match fail"}')).toBe(false);
    expect(accepted('feishu', 200, 'not json')).toBe(false);
  });
});
