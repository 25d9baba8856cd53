import { currencyExponent, DomainError } from '@app/platform';
import { DataSource } from 'typeorm';
import { presentOrder, StoredOrder } from '../orders/order.presenter';
import { ORDER_JSON } from '../orders/order.sql';

/** The customer's order as stored (404 for anyone else's, and for a guest order). */
export async function loadCustomerOrder(
  dataSource: DataSource,
  orderId: string,
  customerId: string,
): Promise<StoredOrder> {
  const [row] = await dataSource.query(
    `SELECT ${ORDER_JSON} AS order FROM "order"."order" o WHERE o.id = $1 AND o.customer_id = $2 AND NOT o.guest`,
    [orderId, customerId],
  );
  if (!row) throw DomainError.notFound(`Order with id ${orderId} was not found`);
  return row.order as StoredOrder;
}

/**
 * What the order asks to be paid now: its total, less its shipping when that is paid on delivery
 * (到付); a presale order's deposit until it is paid, then its balance.
 */
export function dueNow(order: StoredOrder, onDelivery = order.shipping_on_delivery): number {
  if (order.presale) {
    return order.presale.deposit_paid_at ? order.presale.balance_amount : order.presale.deposit_amount;
  }
  const total = presentOrder(order).total as number;
  return onDelivery ? total - (order.cart.shipping_total + order.cart.shipping_tax_total) : total;
}

/** What an order's payment completes: the whole order, or a presale order's deposit (its balance still due). */
export function settlement(order: Pick<StoredOrder, 'presale'>): 'order' | 'deposit' {
  return order.presale && !order.presale.deposit_paid_at ? 'deposit' : 'order';
}

/**
 * SQL assignments that record a payment completing `what` on the order row: the order `captured`, or
 * a presale deposit paid (its deadline moving to the balance window's close).
 */
export function settlementChanges(what: 'order' | 'deposit'): string {
  return what === 'order'
    ? "payment_status = 'captured'"
    : `presale = jsonb_set(presale, '{deposit_paid_at}', to_jsonb(now())),
       pay_expire = (presale->>'balance_closes_at')::timestamptz`;
}

/** A point's worth in the currency's minor units (`POINTS_PER_YUAN` points make one major unit). */
export function pointValue(currencyCode: string, pointsPerYuan: number): number {
  const minor = 10 ** currencyExponent(currencyCode);
  if (minor % pointsPerYuan !== 0) {
    throw DomainError.notAllowed(`Points cannot pay in ${currencyCode.toUpperCase()}`, 'points_not_accepted');
  }
  return minor / pointsPerYuan;
}
