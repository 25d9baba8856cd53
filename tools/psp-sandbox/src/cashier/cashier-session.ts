/** A hosted cashier session as the sandbox keeps it (in memory: the sandbox is a stand-in). */
export interface CashierSession {
  session_id: string;
  merchant_id: string;
  trans_id: string;
  amount: number;
  /** Upper case, as the cashier API speaks it. */
  currency: string;
  notify_url: string;
  return_url: string;
  expire_time: string;
  expires_at: number;
  capture_method: 'AUTOMATIC' | 'MANUAL';
  display_merchant_name: string;
  goods: { name: string; price: number; quantity: number }[];
  /** The session: open for payment, paid, closed by the merchant, or expired. */
  status: 'PROCESSING' | 'SUCCESS' | 'CLOSED' | 'EXPIRED';
  /** The money: nothing yet, held, taken, released or given back. */
  payment_status: 'NONE' | 'AUTHORIZED' | 'CAPTURED' | 'VOIDED' | 'REFUNDED' | 'PARTIALLY_REFUNDED';
  refunded_amount: number;
  last_failure: { code: string; message: string } | null;
  created_at: string;
  /** The create request's body as it arrived. */
  request: Record<string, unknown>;
  /** 3-D Secure as the shop asked for it (`authentication.challenge_indicator`). */
  challenge_indicator: string;
  /** A paying card waiting for the shopper's 3-D Secure challenge. */
  challenge: PayingCard | null;
  /** The shop's `payment` block: whose cards to offer, and whether the card may be kept (the shopper agreeing). */
  card_on_file: { shopper_reference: string; store: boolean } | null;
  /** The shop asked the page to collect the billing address (`bill.billing_address_collection: REQUIRED`). */
  collect_billing: boolean;
  /** The billing address the shopper gave on the page, once paid. */
  billing_collected: BillingAddress | null;
}

/** A billing address as the hosted page collects it. */
export interface BillingAddress {
  address_line1: string;
  city: string;
  postal_code: string;
  country: string;
}

/** The billing address fields of the hosted page's form, by input name. */
export const BILLING_FIELDS = {
  address_line1: 'billing_address_line1',
  city: 'billing_city',
  postal_code: 'billing_postal_code',
  country: 'billing_country',
} as const;

/** The billing address a submitted form gives, or null when a field is missing. */
export function billingFrom(form: Record<string, string>): BillingAddress | null {
  const entries = Object.entries(BILLING_FIELDS).map(([field, input]) => [
    field,
    String(form[input] ?? '').trim(),
  ]);
  if (entries.some(([, value]) => !value)) return null;
  const address = Object.fromEntries(entries) as unknown as BillingAddress;
  return { ...address, country: address.country.toUpperCase() };
}

/** The card a shopper pays with: typed in, or a kept card (its token); `save` when the shopper asked to keep it. */
export interface PayingCard {
  card_number: string;
  expiry: string;
  save: boolean;
}

/** A card the cashier keeps for a shop's shopper (seed 003's token), in memory like everything here. */
export interface CardToken {
  token: string;
  shopper_reference: string;
  card_number: string;
  expiry_month: string;
  expiry_year: string;
  created_time: string;
}

export interface CashierRefund {
  refund_id: string;
  trans_id: string;
  amount: number;
  currency: string;
  status: 'SUCCESS';
  created_at: string;
}

/** Test cards of the hosted page, by number (spaces ignored). */
export const TEST_CARDS: Record<
  string,
  { outcome: 'success' | 'declined' | 'insufficient_funds'; label: string; challenge?: boolean }
> = {
  '4242424242424242': { outcome: 'success', label: 'pays' },
  '4000002760003184': { outcome: 'success', label: 'pays after a 3-D Secure challenge', challenge: true },
  '4000000000000002': { outcome: 'declined', label: 'is declined' },
  '4000000000009995': { outcome: 'insufficient_funds', label: 'has insufficient funds' },
};

export const CARD_FAILURES = {
  declined: { code: 'CARD_DECLINED', message: 'Your card was declined. Try another card.' },
  insufficient_funds: {
    code: 'INSUFFICIENT_FUNDS',
    message: 'Your card has insufficient funds. Try another card.',
  },
  unknown_card: { code: 'INVALID_CARD', message: 'This card number is not a sandbox test card.' },
  authentication_failed: {
    code: 'AUTHENTICATION_FAILED',
    message: 'Your bank could not verify it is you (3-D Secure). Try again or use another card.',
  },
} as const;

/** The code that passes the sandbox's 3-D Secure challenge; any other fails it. */
export const CHALLENGE_CODE = '123456';

/** Whether paying with `card` asks the shopper for a challenge: the card demands one, or the shop does. */
export function needsChallenge(session: CashierSession, card: { challenge?: boolean }): boolean {
  return (
    card.challenge === true ||
    ['CHALLENGE_REQUESTED', 'CHALLENGE_MANDATED'].includes(session.challenge_indicator)
  );
}

/** `VISA` for 4…, `MASTERCARD` for 5…: enough for the sandbox's test cards. */
export function cardBrand(cardNumber: string): string {
  return cardNumber.startsWith('5') ? 'MASTERCARD' : cardNumber.startsWith('4') ? 'VISA' : 'CARD';
}

/** `424242******4242`: how the cashier shows a kept card. */
export function maskedCardNumber(cardNumber: string): string {
  return `${cardNumber.slice(0, 6)}${'*'.repeat(Math.max(cardNumber.length - 10, 0))}${cardNumber.slice(-4)}`;
}

/** A session still open past its `expire_time` is expired (checked whenever it is touched). */
export function expire(session: CashierSession): void {
  if (session.status === 'PROCESSING' && Date.now() > session.expires_at) session.status = 'EXPIRED';
}
