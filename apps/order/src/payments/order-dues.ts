import { currencyExponent, DomainError } from '@app/platform';
import { DataSource } from 'typeorm';
import { presentOrder, StoredOrder } from '../orders/order.presenter';
import { ORDER_JSON } from '../orders/order.service';

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

/** What the order asks to be paid now: its total, less its shipping when that is paid on delivery (到付). */
export function dueNow(order: StoredOrder, onDelivery = order.shipping_on_delivery): number {
  const total = presentOrder(order).total as number;
  return onDelivery ? total - (order.cart.shipping_total + order.cart.shipping_tax_total) : total;
}

/** A point's worth in the currency's minor units (`POINTS_PER_YUAN` points make one major unit). */
export function pointValue(currencyCode: string, pointsPerYuan: number): number {
  const minor = 10 ** currencyExponent(currencyCode);
  if (minor % pointsPerYuan !== 0) {
    throw DomainError.notAllowed(`Points cannot pay in ${currencyCode.toUpperCase()}`, 'points_not_accepted');
  }
  return minor / pointsPerYuan;
}
