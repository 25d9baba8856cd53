import { OrderPaymentView } from '@app/contracts';

/** Seed 001's payment methods, one per provider (stable ids, names as shoppers see them). */
export const PAYMENT_METHODS: Record<string, OrderPaymentView['payment_method']> = {
  manual: {
    id: 1,
    gateway: 'manual',
    name: '线下支付 / Manual payment',
    pay_type: 'manual',
    payment_method_type: 'offline',
  },
  cashier: {
    id: 2,
    gateway: 'cashier',
    name: '收银台 / Hosted checkout',
    pay_type: 'cashier_hosted',
    payment_method_type: 'online',
  },
  wechat: {
    id: 3,
    gateway: 'wechat',
    name: '微信支付 / WeChat Pay',
    pay_type: 'wechat_app',
    payment_method_type: 'online',
  },
  alipay: {
    id: 4,
    gateway: 'alipay',
    name: '支付宝 / Alipay',
    pay_type: 'alipay_app',
    payment_method_type: 'online',
  },
  points: {
    id: 5,
    gateway: 'points',
    name: '积分 / Points',
    pay_type: 'points',
    payment_method_type: 'offline',
  },
};
