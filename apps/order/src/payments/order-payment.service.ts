import { Injectable } from '@nestjs/common';
import { OrderPaymentRef, OrderPaymentsQuery, OrderPaymentView, OrderRef } from '@app/contracts';
import { DomainError } from '@app/platform';
import { DataSource, EntityManager } from 'typeorm';
import { PAYMENT_METHODS } from './payment-methods';

export interface PaymentRow {
  id: string;
  order_id: string;
  provider_id: string;
  amount: number;
  points_value: number;
  superseded_at: Date | null;
  amount_refunded: number;
  provider_reference: string | null;
  captured_at: Date | null;
  canceled_at: Date | null;
  expires_at: Date | null;
  created_at: Date;
  updated_at: Date;
  is_available: boolean;
}

const FIELDS: (keyof OrderPaymentView)[] = [
  'id',
  'amount',
  'bank_code',
  'created_at',
  'exipired_at',
  'gateway_payment_no',
  'is_available',
  'mode',
  'payment_method',
  'status',
  'pay_by_other',
  'updated_at',
];

/**
 * Seed 001's view of an order's payments (DESIGN "Payments"): `pending` while authorized and not
 * captured, `paid` once captured (refunds included), `expired` once canceled or past its window;
 * `is_available` on the one payment that counts (the newest neither canceled nor superseded); the
 * provider's number once paid online; the expiry of online payments; points payments (their worth
 * as `amount`) with the offline points method.
 */
@Injectable()
export class OrderPaymentService {
  constructor(private readonly dataSource: DataSource) {}

  async list(query: OrderPaymentsQuery): Promise<{ payments: Partial<OrderPaymentView>[] }> {
    const rows = await this.rows(query.order_id);
    const fields = selectedFields(query.fields);
    return { payments: rows.map((row) => pick(paymentView(row), fields)) };
  }

  async count(ref: OrderRef): Promise<{ count: number }> {
    return { count: (await this.rows(ref.order_id)).length };
  }

  async get(ref: OrderPaymentRef): Promise<{ payment: Partial<OrderPaymentView> }> {
    const row = (await this.rows(ref.order_id)).find((candidate) => candidate.id === ref.payment_id);
    if (!row) throw DomainError.notFound(`Payment with id ${ref.payment_id} was not found`);
    return { payment: pick(paymentView(row), selectedFields(ref.fields)) };
  }

  /** One payment as seed 001 shows it, read in `manager`'s transaction (for the event that announces it). */
  async viewOf(manager: EntityManager, orderId: string, paymentId: string): Promise<OrderPaymentView | null> {
    const row = (await this.rows(orderId, manager)).find((candidate) => candidate.id === paymentId);
    return row ? paymentView(row) : null;
  }

  private async rows(
    orderId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<PaymentRow[]> {
    const [order] = await manager.query('SELECT 1 FROM "order"."order" WHERE id = $1', [orderId]);
    if (!order) throw DomainError.notFound(`Order with id ${orderId} was not found`);
    return manager.query(
      `SELECT p.*, coalesce(p.id = (SELECT a.id FROM "order".payment a WHERE a.order_id = p.order_id AND a.canceled_at IS NULL
                                      AND a.superseded_at IS NULL ORDER BY a.created_at DESC, a.id DESC LIMIT 1), false) AS is_available
       FROM "order".payment p WHERE p.order_id = $1 ORDER BY p.created_at, p.id`,
      [orderId],
    );
  }
}

export function paymentView(row: PaymentRow): OrderPaymentView {
  const method = PAYMENT_METHODS[row.provider_id] ?? PAYMENT_METHODS.manual;
  const online = method.payment_method_type === 'online';
  const expired =
    row.canceled_at !== null || (!row.captured_at && row.expires_at !== null && row.expires_at < new Date());
  const status = row.captured_at ? 'paid' : expired ? 'expired' : 'pending';
  return {
    id: row.id,
    amount: row.provider_id === 'points' ? row.points_value : row.amount,
    bank_code: '',
    created_at: row.created_at.toISOString(),
    ...(online && row.expires_at ? { exipired_at: row.expires_at.toISOString() } : {}),
    ...(online && status === 'paid' ? { gateway_payment_no: row.provider_reference } : {}),
    is_available: row.is_available,
    mode: method.payment_method_type,
    payment_method: method,
    status,
    pay_by_other: false,
    updated_at: row.updated_at.toISOString(),
  };
}

/** `fields=a,b,c`; unknown names are a 400 naming them (never silently dropped). */
function selectedFields(fields: string | undefined): (keyof OrderPaymentView)[] {
  if (!fields) return FIELDS;
  const asked = fields
    .split(',')
    .map((field) => field.trim())
    .filter(Boolean);
  const unknown = asked.filter((field) => !FIELDS.includes(field as keyof OrderPaymentView));
  if (unknown.length) throw DomainError.invalidData(`Requested fields [${unknown.join(', ')}] are not valid`);
  return asked as (keyof OrderPaymentView)[];
}

function pick(payment: OrderPaymentView, fields: (keyof OrderPaymentView)[]): Partial<OrderPaymentView> {
  return Object.fromEntries(
    fields.filter((field) => field in payment).map((field) => [field, payment[field]]),
  );
}
