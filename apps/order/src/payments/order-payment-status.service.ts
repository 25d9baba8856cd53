import { Injectable } from '@nestjs/common';
import { CustomerOrderRef, OrderPaymentStatusReply } from '@app/contracts';
import { DataSource } from 'typeorm';
import { presentOrder } from '../orders/order.presenter';
import { dueNow, loadCustomerOrder } from './order-dues';

/**
 * Where the customer's order's payment stands, for an app back from the wallet (the wallet SDK's own
 * result is no proof): its `payment_status`, what its payments took (`paid_total`, points at their
 * worth) and what is still due now.
 */
@Injectable()
export class OrderPaymentStatus {
  constructor(private readonly dataSource: DataSource) {}

  async get(ref: CustomerOrderRef): Promise<OrderPaymentStatusReply> {
    const order = await loadCustomerOrder(this.dataSource, ref.order_id, ref.customer_id);
    const paid = presentOrder(order).paid_total as number;
    // A presale order is due its deposit, then its balance; any other, its total less what was paid.
    const owed = order.presale ? dueNow(order) : dueNow(order) - paid;
    const due = order.payment_status === 'not_paid' ? Math.max(owed, 0) : 0;
    return { payment_status: order.payment_status, paid, due };
  }
}
