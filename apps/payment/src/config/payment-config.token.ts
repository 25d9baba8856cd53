/** Injection token of the PaymentConfig. */
export const PAYMENT_CONFIG = Symbol('PAYMENT_CONFIG');
