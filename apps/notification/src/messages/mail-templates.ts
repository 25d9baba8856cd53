import { OrderPlaced } from '@app/contracts';
import { money } from '../webhooks/webhook-payloads';

export type MessageKind =
  | 'order_confirmation'
  | 'payment_receipt'
  | 'password_reset'
  | 'order_claim'
  | 'return_received'
  | 'gift_card_issued';

export interface RenderedMail {
  subject: string;
  body: string;
}

/** Customer mail, in English and Chinese, from the order's event. */
export const MAIL_TEMPLATES: Record<
  'order_confirmation' | 'payment_receipt',
  (order: OrderPlaced) => RenderedMail
> = {
  order_confirmation: (order) => ({
    subject: `Order #${order.display_id} confirmed / 订单 #${order.display_id} 已确认`,
    body: [
      'Thank you for your order. / 感谢您的订购。',
      '',
      `Order / 订单号: #${order.display_id}`,
      `Total / 合计: ${money(order.total, order.currency_code)}`,
      '',
      'We will let you know when it ships. / 发货后我们会通知您。',
    ].join('\n'),
  }),
  payment_receipt: (order) => ({
    subject: `Payment received for order #${order.display_id} / 订单 #${order.display_id} 支付成功`,
    body: [
      'We have received your payment. / 我们已收到您的付款。',
      '',
      `Order / 订单号: #${order.display_id}`,
      `Paid / 实付: ${money(order.total, order.currency_code)}`,
    ].join('\n'),
  }),
};
