import { SANDBOX_KEYS } from '../sandbox-keys';
import { FastifyInstance, FastifyReply } from 'fastify';
import { randomBytes } from 'node:crypto';
import { Notifier } from '../notifier';
import { rsaSign, rsaVerify } from '../rsa';

interface Trade {
  out_trade_no: string;
  trade_no: string;
  total_amount: string;
  subject: string;
  notify_url: string;
  trade_status: 'TRADE_SUCCESS' | 'TRADE_CLOSED';
  refunded_cents: number;
}

const keys = SANDBOX_KEYS.alipay;

const content = (params: Record<string, string>, omit: string[]) =>
  Object.keys(params)
    .filter((key) => !omit.includes(key) && params[key] !== '')
    .sort()
    .map((key) => `${key}=${params[key]}`)
    .join('&');

const chinaTime = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 19).replace('T', ' ');

/** How far a request's `timestamp`, read as China time, may be from now. */
const TIMESTAMP_TOLERANCE_MS = 10 * 60_000;

/** Whether `timestamp` (`2026-11-22 09:30:00`) is China time now, within the tolerance. */
const isChinaTimeNow = (timestamp: string | undefined) => {
  const at = Date.parse(`${String(timestamp).replace(' ', 'T')}+08:00`);
  return Number.isFinite(at) && Math.abs(at - Date.now()) <= TIMESTAMP_TOLERANCE_MS;
};

/**
 * Alipay for app payments, as the sandbox plays it: `gateway.do` (trade query, close, refund) with
 * the merchant's RSA2 signature and a China-time `timestamp` (±10 min) checked, and a "the shopper paid in Alipay" endpoint
 * (`POST /sandbox/alipay/pay` with the order string) that sends Alipay's signed notification,
 * retried until the merchant answers `success`.
 */
export function registerAlipay(
  app: FastifyInstance,
  notifier: Notifier,
  answerKey: (own: string) => string,
): void {
  const trades = new Map<string, Trade>();
  const signedByMerchant = (params: Record<string, string>) =>
    !!params.sign &&
    params.app_id === keys.appId &&
    rsaVerify(keys.appPublicKey, content(params, ['sign']), params.sign);

  // Alipay's answer: `{"<method>_response":{…},"sign":"…"}`, RSA2 over that object's JSON as sent.
  const answer = (reply: FastifyReply, key: string, response: object) => {
    const json = JSON.stringify(response);
    const sign = rsaSign(answerKey(keys.platformPrivateKey), json);
    return reply.type('application/json;charset=utf-8').send(`{"${key}":${json},"sign":"${sign}"}`);
  };

  app.post('/alipay/gateway.do', async (request, reply) => {
    // The common parameters come in the query string (as Alipay's SDK sends them) or the form.
    const params = {
      ...(request.query as Record<string, string>),
      ...(request.body as Record<string, string>),
    };
    const key = `${String(params.method).replace(/\./g, '_')}_response`;
    return answer(reply, key, gatewayAnswer(params));
  });

  const gatewayAnswer = (params: Record<string, string>): object => {
    if (!signedByMerchant(params))
      return { code: '40002', msg: 'Invalid Arguments', sub_code: 'isv.invalid-signature' };
    if (!isChinaTimeNow(params.timestamp))
      return { code: '40002', msg: 'Invalid Arguments', sub_code: 'isv.invalid-timestamp' };
    const biz = JSON.parse(params.biz_content ?? '{}') as Record<string, string>;
    const trade = trades.get(biz.out_trade_no);
    if (!trade) return { code: '40004', msg: 'Business Failed', sub_code: 'ACQ.TRADE_NOT_EXIST' };
    if (params.method === 'alipay.trade.query') {
      return { code: '10000', msg: 'Success', ...trade };
    }
    if (params.method === 'alipay.trade.close') {
      if (trade.trade_status === 'TRADE_SUCCESS') {
        return { code: '40004', msg: 'Business Failed', sub_code: 'ACQ.TRADE_STATUS_ERROR' };
      }
      return { code: '10000', msg: 'Success', out_trade_no: trade.out_trade_no };
    }
    if (params.method === 'alipay.trade.refund') {
      trade.refunded_cents += Math.round(Number(biz.refund_amount) * 100);
      return {
        code: '10000',
        msg: 'Success',
        out_trade_no: trade.out_trade_no,
        refund_fee: biz.refund_amount,
        fund_change: 'Y',
      };
    }
    return { code: '40004', msg: 'Business Failed', sub_code: 'ACQ.METHOD_NOT_SUPPORTED' };
  };

  /** The shopper pays the order string in Alipay: the trade succeeds and Alipay notifies the merchant. */
  app.post('/sandbox/alipay/pay', async (request, reply) => {
    const { order_string } = (request.body ?? {}) as { order_string?: string };
    const params = Object.fromEntries(new URLSearchParams(order_string ?? ''));
    if (!signedByMerchant(params))
      return reply.status(400).send({ message: 'The order string is not signed by the merchant' });
    if (!isChinaTimeNow(params.timestamp))
      return reply.status(400).send({ message: 'The order string’s timestamp is not China time now' });
    const biz = JSON.parse(params.biz_content) as Record<string, string>;
    if (trades.has(biz.out_trade_no))
      return reply.status(400).send({ message: 'This order is already paid' });
    const trade: Trade = {
      out_trade_no: biz.out_trade_no,
      trade_no: `2026${Date.now()}${randomBytes(3).toString('hex')}`,
      total_amount: biz.total_amount,
      subject: biz.subject,
      notify_url: params.notify_url,
      trade_status: 'TRADE_SUCCESS',
      refunded_cents: 0,
    };
    trades.set(trade.out_trade_no, trade);
    const notification: Record<string, string> = {
      notify_time: chinaTime(),
      notify_type: 'trade_status_sync',
      notify_id: randomBytes(16).toString('hex'),
      app_id: keys.appId,
      charset: 'utf-8',
      version: '1.0',
      sign_type: 'RSA2',
      trade_no: trade.trade_no,
      out_trade_no: trade.out_trade_no,
      trade_status: trade.trade_status,
      total_amount: trade.total_amount,
      receipt_amount: trade.total_amount,
      buyer_pay_amount: trade.total_amount,
      seller_id: keys.sellerId,
      subject: trade.subject,
      gmt_payment: chinaTime(),
    };
    notification.sign = rsaSign(keys.platformPrivateKey, content(notification, ['sign', 'sign_type']));
    notifier.send({
      url: trade.notify_url,
      eventId: notification.notify_id,
      body: new URLSearchParams(notification).toString(),
      contentType: 'application/x-www-form-urlencoded;charset=utf-8',
      sign: () => ({}),
      accepted: (status, text) => status === 200 && text.trim() === 'success',
    });
    return { trade_no: trade.trade_no, trade_status: trade.trade_status };
  });
}
