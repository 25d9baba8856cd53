import { SANDBOX_KEYS } from '../sandbox-keys';
import { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { createCipheriv, randomBytes, randomUUID } from 'node:crypto';
import { Notifier } from '../notifier';
import { rsaSign, rsaVerify } from '../rsa';

interface Trade {
  appid: string;
  mchid: string;
  out_trade_no: string;
  prepay_id: string;
  transaction_id: string | null;
  description: string;
  notify_url: string;
  trade_state: 'NOTPAY' | 'SUCCESS' | 'CLOSED' | 'REFUND';
  amount: { total: number; currency: string };
  refunded: number;
}

const keys = SANDBOX_KEYS.wechat;

/** `mchid="…",nonce_str="…",…` of a `WECHATPAY2-SHA256-RSA2048` Authorization header. */
function authorizationParts(header: string): Record<string, string> {
  const [, params = ''] = header.split(' ', 2);
  return Object.fromEntries([...params.matchAll(/(\w+)="([^"]*)"/g)].map((match) => [match[1], match[2]]));
}

/** The v3 notification body: the transaction encrypted with AES-256-GCM under the APIv3 key. */
function encryptedEvent(eventType: string, summary: string, resource: object): string {
  const nonce = randomBytes(6).toString('hex');
  const cipher = createCipheriv(
    'aes-256-gcm',
    Buffer.from(keys.apiV3Key, 'utf8'),
    Buffer.from(nonce, 'utf8'),
  );
  cipher.setAAD(Buffer.from('transaction', 'utf8'));
  const ciphertext = Buffer.concat([
    cipher.update(JSON.stringify(resource), 'utf8'),
    cipher.final(),
    cipher.getAuthTag(),
  ]);
  return JSON.stringify({
    id: randomUUID(),
    create_time: new Date().toISOString(),
    resource_type: 'encrypt-resource',
    event_type: eventType,
    summary,
    resource: {
      original_type: 'transaction',
      algorithm: 'AEAD_AES_256_GCM',
      ciphertext: ciphertext.toString('base64'),
      associated_data: 'transaction',
      nonce,
    },
  });
}

/**
 * WeChat Pay APIv3 for app payments, as the sandbox plays it: prepay orders, query, close and
 * refund, each request checked against the merchant's key; a "the shopper paid in WeChat" endpoint
 * (`POST /sandbox/wechat/pay`) that sends WeChat Pay's signed, encrypted notification.
 */
export function registerWechat(
  app: FastifyInstance,
  notifier: Notifier,
  answerKey: (own: string) => string,
): void {
  const trades = new Map<string, Trade>();

  // Every API answer, an error too, is signed as WeChat Pay signs them: Wechatpay-* headers.
  app.addHook('onSend', async (request, reply, payload) => {
    if (!request.url.startsWith('/v3/')) return payload;
    const timestamp = String(Math.floor(Date.now() / 1000));
    const nonce = randomBytes(16).toString('hex');
    const body = typeof payload === 'string' ? payload : '';
    void reply.headers({
      'wechatpay-timestamp': timestamp,
      'wechatpay-nonce': nonce,
      'wechatpay-serial': keys.platformSerial,
      'wechatpay-signature': rsaSign(answerKey(keys.platformPrivateKey), `${timestamp}\n${nonce}\n${body}\n`),
    });
    return payload;
  });

  app.addHook('preHandler', async (request: FastifyRequest, reply: FastifyReply) => {
    if (!request.url.startsWith('/v3/')) return;
    const parts = authorizationParts(String(request.headers.authorization ?? ''));
    const body = (request as FastifyRequest & { rawBody?: string }).rawBody ?? '';
    const message = `${request.method}\n${request.url}\n${parts.timestamp}\n${parts.nonce_str}\n${body}\n`;
    if (
      parts.mchid !== keys.merchantId ||
      // WeChat Pay finds the merchant's certificate by its serial number: another one verifies nothing.
      parts.serial_no !== keys.merchantSerial ||
      !rsaVerify(keys.merchantPublicKey, message, parts.signature ?? '')
    ) {
      return reply.status(401).send({ code: 'SIGN_ERROR', message: '签名错误' });
    }
  });

  const tradeOf = (no: string, reply: FastifyReply): Trade | null => {
    const trade = trades.get(no);
    if (!trade) void reply.status(404).send({ code: 'ORDER_NOT_EXIST', message: '订单不存在' });
    return trade ?? null;
  };

  const notify = (trade: Trade, eventType: string, summary: string) =>
    notifier.send({
      url: trade.notify_url,
      eventId: trade.out_trade_no,
      body: encryptedEvent(eventType, summary, {
        appid: trade.appid,
        mchid: trade.mchid,
        out_trade_no: trade.out_trade_no,
        transaction_id: trade.transaction_id,
        trade_type: 'APP',
        trade_state: trade.trade_state,
        success_time: new Date().toISOString(),
        amount: { ...trade.amount, payer_total: trade.amount.total, payer_currency: trade.amount.currency },
      }),
      contentType: 'application/json',
      sign: (body) => {
        const timestamp = String(Math.floor(Date.now() / 1000));
        const nonce = randomBytes(16).toString('hex');
        return {
          'wechatpay-timestamp': timestamp,
          'wechatpay-nonce': nonce,
          'wechatpay-serial': keys.platformSerial,
          'wechatpay-signature': rsaSign(keys.platformPrivateKey, `${timestamp}\n${nonce}\n${body}\n`),
        };
      },
      accepted: (status) => status === 200 || status === 204,
    });

  app.post('/v3/pay/transactions/app', async (request, reply) => {
    const body = request.body as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    if (body.appid !== keys.appId || !body.out_trade_no || !Number.isSafeInteger(body.amount?.total)) {
      return reply.status(400).send({ code: 'PARAM_ERROR', message: '参数错误' });
    }
    const existing = trades.get(body.out_trade_no);
    if (existing) {
      if (existing.amount.total !== body.amount.total)
        return reply.status(400).send({ code: 'OUT_TRADE_NO_USED', message: '商户订单号重复' });
      return { prepay_id: existing.prepay_id };
    }
    const trade: Trade = {
      appid: body.appid,
      mchid: body.mchid,
      out_trade_no: body.out_trade_no,
      prepay_id: `wx${Date.now()}${randomBytes(8).toString('hex')}`,
      transaction_id: null,
      description: String(body.description ?? ''),
      notify_url: String(body.notify_url),
      trade_state: 'NOTPAY',
      amount: { total: body.amount.total, currency: body.amount.currency ?? 'CNY' },
      refunded: 0,
    };
    trades.set(trade.out_trade_no, trade);
    return { prepay_id: trade.prepay_id };
  });

  app.get('/v3/pay/transactions/out-trade-no/:no', async (request, reply) => {
    const trade = tradeOf((request.params as { no: string }).no, reply);
    return trade && { ...trade, prepay_id: undefined, notify_url: undefined };
  });

  app.post('/v3/pay/transactions/out-trade-no/:no/close', async (request, reply) => {
    const trade = tradeOf((request.params as { no: string }).no, reply);
    if (!trade) return reply;
    if (trade.trade_state === 'SUCCESS' || trade.trade_state === 'REFUND') {
      return reply.status(400).send({ code: 'ORDERPAID', message: '订单已支付' });
    }
    trade.trade_state = 'CLOSED';
    return reply.status(204).send();
  });

  app.post('/v3/refund/domestic/refunds', async (request, reply) => {
    const body = request.body as { out_trade_no: string; out_refund_no: string; amount: { refund: number } };
    const trade = tradeOf(body.out_trade_no, reply);
    if (!trade) return reply;
    if (trade.trade_state !== 'SUCCESS' && trade.trade_state !== 'REFUND') {
      return reply.status(400).send({ code: 'TRADE_STATE_ERROR', message: '订单状态错误' });
    }
    trade.refunded += body.amount.refund;
    trade.trade_state = 'REFUND';
    return { refund_id: `50${Date.now()}`, out_refund_no: body.out_refund_no, status: 'SUCCESS' };
  });

  /** The shopper pays in WeChat: the trade succeeds and WeChat Pay notifies the merchant. */
  app.post('/sandbox/wechat/pay', async (request, reply) => {
    const { prepay_id } = (request.body ?? {}) as { prepay_id?: string };
    const trade = [...trades.values()].find((candidate) => candidate.prepay_id === prepay_id);
    if (!trade) return reply.status(404).send({ code: 'ORDER_NOT_EXIST', message: '订单不存在' });
    if (trade.trade_state !== 'NOTPAY')
      return reply.status(400).send({ code: 'ORDER_CLOSED', message: `订单 ${trade.trade_state}` });
    trade.trade_state = 'SUCCESS';
    trade.transaction_id = `4200${Date.now()}`;
    notify(trade, 'TRANSACTION.SUCCESS', '支付成功');
    return { trade_state: trade.trade_state, transaction_id: trade.transaction_id };
  });
}
