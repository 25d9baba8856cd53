import { EventEnvelope } from '@app/contracts';
import { createHmac } from 'node:crypto';

/** 1250, 'cny' → "CNY 12.50" (the demo currencies have two decimals). */
export const money = (amount: number, currency: string) =>
  `${currency.toUpperCase()} ${(amount / 100).toFixed(2)}`;

/** What a request to an endpoint carries, freshly signed for this attempt. */
export interface SignedRequest {
  body: string;
  headers: Record<string, string>;
}

/**
 * A plain webhook: the event as JSON, with `X-Webhook-Signature` = hex(HMAC-SHA256(secret,
 * `${timestamp}.${body}`)) and the timestamp, event id and type in headers.
 */
export function webhookRequest(event: EventEnvelope, secret: string, now: Date): SignedRequest {
  const body = JSON.stringify({
    id: event.id,
    type: event.type,
    created_at: event.occurred_at,
    data: event.data,
  });
  const timestamp = String(Math.floor(now.getTime() / 1000));
  return {
    body,
    headers: {
      'content-type': 'application/json',
      'x-webhook-id': event.id,
      'x-webhook-event': event.type,
      'x-webhook-timestamp': timestamp,
      'x-webhook-signature': createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex'),
    },
  };
}

/** The lines of a Feishu (飞书) bot message for an event (seed 000's 订单支付成功通知 among them). */
export function feishuText(event: EventEnvelope): string {
  const data = event.data as Record<string, string | number>;
  const amount = money(Number(data.total ?? data.amount ?? 0), String(data.currency_code ?? ''));
  switch (event.type) {
    case 'order.paid':
      return `订单支付成功通知\n订单号：#${data.display_id}\n金额：${amount}\n客户：${data.email}`;
    case 'order.placed':
      return `新订单通知\n订单号：#${data.display_id}\n金额：${amount}\n客户：${data.email}`;
    case 'payment.session-failed':
      return `支付失败通知\n购物车：${data.cart_id}\n支付方式：${data.provider_id}\n金额：${amount}`;
    case 'payment.session-expired':
      return `支付超时通知\n购物车：${data.cart_id}\n支付方式：${data.provider_id}\n金额：${amount}`;
    case 'payment.refunded':
      return `退款通知\n购物车：${data.cart_id}\n支付方式：${data.provider_id}\n金额：${amount}`;
    default:
      return `${event.type}\n${JSON.stringify(event.data)}`;
  }
}

/**
 * A Feishu custom bot message: `{timestamp, sign, msg_type: "text", content: {text}}`, where `sign`
 * is base64(HMAC-SHA256 keyed with `${timestamp}\n${secret}` over nothing), as Feishu checks it.
 */
export function feishuRequest(event: EventEnvelope, secret: string, now: Date): SignedRequest {
  const timestamp = String(Math.floor(now.getTime() / 1000));
  const sign = createHmac('sha256', `${timestamp}\n${secret}`).update('').digest('base64');
  return {
    body: JSON.stringify({ timestamp, sign, msg_type: 'text', content: { text: feishuText(event) } }),
    headers: { 'content-type': 'application/json' },
  };
}

/** Whether an endpoint's answer means "received": any 2xx, and for Feishu also `code: 0`. */
export function accepted(channel: 'webhook' | 'feishu', status: number, text: string): boolean {
  if (status < 200 || status >= 300) return false;
  if (channel !== 'feishu') return true;
  try {
    const answer = JSON.parse(text) as { code?: number; StatusCode?: number };
    return (answer.code ?? answer.StatusCode) === 0;
  } catch {
    return false;
  }
}
