import { CustomerHistory, PaymentAddress, PaymentContext } from '@app/contracts';
import { PaymentConfig } from '../../config/payment-config';
import { Attempt } from '../payment-provider';

/** `2026-11-24T09:30:00+0000`: the cashier's time format (seed 003). */
export const cashierTime = (date: Date) => `${date.toISOString().slice(0, 19)}+0000`;

/**
 * `+31 20 555 0101` → area code `+31` and number `20 555 0101`; a number written without a
 * separator after its country code (or without one at all) is sent whole, as we cannot split it
 * without guessing.
 */
export function phoneParts(phone: string | null | undefined): { area_code?: string; phone_number?: string } {
  if (!phone) return {};
  const split = /^\s*(\+\d{1,3})[\s-]+(\S.*)$/.exec(phone);
  return split ? { area_code: split[1], phone_number: split[2].trim() } : { phone_number: phone.trim() };
}

/** What the catalog says of a product, as the cashier's goods carry it. */
export interface GoodsFacts {
  category?: string;
  brand?: string;
}

/** A product with the relations the cashier's goods draw on (`expand=categories,collection,type`). */
export interface ExpandedProduct {
  id: string;
  categories?: { name?: string }[];
  type?: { value?: string } | null;
  collection?: { title?: string } | null;
}

/** Each product's category (its first category, else its type) and brand (its collection), by product id. */
export function goodsFactsOf(products: ExpandedProduct[]): Map<string, GoodsFacts> {
  return new Map(
    products.map((product) => {
      const category = product.categories?.[0]?.name ?? product.type?.value;
      const brand = product.collection?.title;
      return [product.id, { ...(category ? { category } : {}), ...(brand ? { brand } : {}) }];
    }),
  );
}

/**
 * Seed 003's 收银台创建 body for one attempt: the order (amount, currency, our `trans_id`), the hosted
 * page's set-up from configuration, the goods (with their catalog category and brand), the bill and shipping addresses, the customer block
 * (with what the customer app knows of a signed-in customer), 3-D Secure and cards on file.
 */
export function cashierSessionRequest(
  config: PaymentConfig,
  attempt: Attempt,
  context: PaymentContext,
  history: CustomerHistory | null,
  products: Map<string, GoodsFacts>,
): Record<string, unknown> {
  const cashier = config.cashier;
  const address = (value: PaymentAddress | null | undefined) =>
    value && {
      first_name: value.first_name ?? undefined,
      last_name: value.last_name ?? undefined,
      address_line1: value.address_1 ?? undefined,
      address_line2: value.address_2 ?? undefined,
      country: value.country_code?.toUpperCase(),
      state: value.province ?? undefined,
      city: value.city ?? undefined,
      postal_code: value.postal_code ?? undefined,
      ...phoneParts(value.phone),
      email: context.email ?? undefined,
    };
  return {
    payment_type: 'PURCHASE',
    authorisation_type: 'FINAL_AUTH',
    capture_method: cashier.captureMethod,
    trans_id: attempt.id,
    timestamp: Date.now(),
    currency: attempt.currency_code.toUpperCase(),
    amount: attempt.amount,
    notify_url: `${config.publicBaseUrl}/hooks/payments/cashier`,
    return_url: config.checkoutReturnUrl,
    expire_time: cashierTime(attempt.expires_at),
    session_mode: 'HOSTED',
    display_merchant_name: cashier.displayName,
    // The shopper's language, else the region's (its currency tells it).
    display_locale: context.locale ?? (attempt.currency_code === 'cny' ? 'zh-CN' : 'en-US'),
    theme_id: cashier.themeId || undefined,
    goods: context.goods.map((item) => ({
      id: item.id,
      name: item.name,
      price: item.price,
      quantity: item.quantity,
      picture_url: item.picture_url ?? undefined,
      description: item.description ?? undefined,
      ...(item.product_id ? products.get(item.product_id) : undefined),
      link:
        cashier.productUrl && item.product_handle
          ? cashier.productUrl.replace('{handle}', encodeURIComponent(item.product_handle))
          : undefined,
    })),
    // Without a billing address from the storefront, the hosted page asks the shopper for one.
    bill: {
      ...(context.billing_address
        ? address(context.billing_address)
        : { billing_address_collection: 'REQUIRED' }),
      descriptor: cashier.descriptor || undefined,
    },
    shipping: address(context.shipping_address),
    customer: {
      id: context.customer_id ?? undefined,
      registration_time: history ? cashierTime(new Date(history.registered_at)) : undefined,
      past_transactions: history?.orders_placed,
      first_shopping_time: history?.first_order_at
        ? cashierTime(new Date(history.first_order_at))
        : undefined,
      last_shopping_time: history?.last_order_at ? cashierTime(new Date(history.last_order_at)) : undefined,
      level: history?.level ?? undefined,
      email: context.email ?? undefined,
      ...phoneParts(context.billing_address?.phone ?? context.shipping_address?.phone),
      order_ip: context.customer_ip ?? undefined,
    },
    authentication: {
      ...(cashier.authentication[context.region_id ?? ''] ?? cashier.authentication['*']),
      authentication_only: false,
    },
    // A signed-in customer's cards: the ones kept before offered, this one kept if the shopper agrees.
    payment:
      cashier.cardsOnFile && context.customer_id
        ? { store_payment_method: true, token_usage: 'CARD_ON_FILE', shopper_reference: context.customer_id }
        : undefined,
    allowed_payment_methods: cashier.allowedMethods.length ? cashier.allowedMethods : undefined,
    blocked_payment_methods: cashier.blockedMethods.length ? cashier.blockedMethods : undefined,
  };
}
