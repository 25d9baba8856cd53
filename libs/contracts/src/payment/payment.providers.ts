/** The payment providers the payment app implements; a region enables some of them. */
export const PAYMENT_PROVIDER_IDS = ['manual', 'cashier', 'wechat', 'alipay'] as const;

export type PaymentProviderId = (typeof PAYMENT_PROVIDER_IDS)[number];

export function isPaymentProviderId(value: string): value is PaymentProviderId {
  return (PAYMENT_PROVIDER_IDS as readonly string[]).includes(value);
}
