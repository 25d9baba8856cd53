import { Inject, Injectable } from '@nestjs/common';
import {
  AdminOrdersQuery,
  CartSnapshot,
  CreateOrderCommand,
  CustomerOrdersQuery,
  CustomerOrdersReply,
  OrderByCart,
  OrderEvents,
  OrderFindQuery,
  OrderLookupQuery,
  OrderQuery,
  OrderReply,
} from '@app/contracts';
import { containsPattern, dateRange, DomainError, newId, Outbox, SqlBuilder } from '@app/platform';
import { DataSource } from 'typeorm';
import { ORDER_CONFIG, OrderConfig } from '../config/order-config';
import { presentOrder, StoredOrder } from './order.presenter';
import { shapeOrder } from './order.query';
import { sellsGiftCards } from './gift-card-sales';
import { ORDER_JSON } from './order.sql';

/**
 * The frozen cart as the order keeps it: its lines' and shipping methods' tax lines stored, with ids
 * and timestamps as Medusa's order shows them (the cart computes them on the fly, without).
 */
function withStoredTaxLines(cart: CartSnapshot): CartSnapshot {
  const at = new Date().toISOString();
  const stored = (lines: unknown, prefix: 'litl' | 'smtl') =>
    ((lines as Record<string, unknown>[] | undefined) ?? []).map((line) => ({
      id: newId(prefix),
      ...line,
      created_at: at,
      updated_at: at,
      metadata: null,
    }));
  return {
    ...cart,
    items: cart.items.map((item) => ({ ...item, tax_lines: stored(item.tax_lines, 'litl') })),
    shipping_methods: cart.shipping_methods.map((method) => ({
      ...method,
      tax_lines: stored(method.tax_lines, 'smtl'),
    })),
  };
}

/**
 * Orders: placed once per cart from the frozen checkout — paid (Medusa's way) or submitted unpaid
 * (`not_paid`, with its `pay_expire`) — and found by id, cart, or number and email.
 */
@Injectable()
export class OrderService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    @Inject(ORDER_CONFIG) private readonly config: OrderConfig,
  ) {}

  /**
   * Places the cart's order — the order, its payment and its events in one statement — or returns
   * it when the cart already has one.
   */
  async createFromCart(command: CreateOrderCommand): Promise<OrderReply> {
    const { cart, payment } = command;
    const sql = new SqlBuilder();
    const p = (value: unknown) => sql.param(value);
    const orderId = newId('order');
    const unpaid = command.submit === true && cart.total > 0;
    const captured = payment?.status === 'captured' || (command.submit === true && !unpaid);
    const status = unpaid ? 'not_paid' : captured ? 'captured' : 'awaiting';
    const ctes = [
      `created AS (INSERT INTO "order"."order" (id, cart_id, email, customer_id, guest, region_id, currency_code,
         sales_channel_id, cart, payment_status, pay_expire)
       VALUES (${[
         orderId,
         cart.id,
         cart.email,
         cart.customer_id ?? newId('cus'),
         !cart.customer_id,
         cart.region_id,
         cart.region.currency_code,
         cart.sales_channel_id ?? null,
         { ...withStoredTaxLines(cart), gift_card_transactions: command.gift_card_transactions ?? [] },
         status,
       ]
         .map(p)
         .join(
           ', ',
         )}, ${command.submit ? `now() + make_interval(mins => ${p(this.config.payWindowMinutes)})` : 'NULL'})
       ON CONFLICT (cart_id) DO NOTHING RETURNING id, display_id)`,
    ];
    if (payment) {
      ctes.push(
        `paid AS (INSERT INTO "order".payment (id, order_id, cart_id, session_id, provider_id, amount, currency_code,
           data, captured_at, provider_reference, expires_at)
         SELECT ${p(newId('pay'))}, created.id, ${p(cart.id)}, ${p(payment.session_id)}, ${p(payment.provider_id)},
           ${p(payment.amount)}::int, ${p(payment.currency_code)}, ${p(JSON.stringify(payment.data))}::jsonb,
           CASE WHEN ${p(payment.status === 'captured')} THEN now() END, ${p(payment.provider_reference ?? null)},
           ${p(payment.expires_at ?? null)}::timestamptz
         FROM created)`,
      );
    }
    const placed = {
      order_id: orderId,
      display_id: 0,
      cart_id: cart.id,
      email: cart.email,
      total: cart.total,
      currency_code: cart.region.currency_code,
      sells_gift_cards: sellsGiftCards(cart.items),
      customer_id: cart.customer_id ?? null,
    };
    const events = [OrderEvents.placed, ...(captured ? [OrderEvents.paid] : [])];
    for (const [index, type] of events.entries()) {
      const event = this.outbox.inStatement(type, { id: orderId }, placed, 'created', sql.values.length + 1, [
        'display_id',
      ]);
      sql.values.push(...event.values);
      ctes.push(`event_${index} AS (${event.sql})`);
    }
    await this.dataSource.query(`WITH ${ctes.join(',\n')} SELECT id FROM created`, sql.values);
    return this.getByCart({ cart_id: cart.id });
  }

  async get(query: OrderQuery): Promise<OrderReply> {
    return this.findOrder(
      'o.id = $1',
      [query.order_id],
      `Order with id ${query.order_id} was not found`,
      query,
    );
  }

  async getByCart(query: OrderByCart): Promise<OrderReply> {
    return this.findOrder(
      'o.cart_id = $1',
      [query.cart_id],
      `Order with cart id ${query.cart_id} was not found`,
      query,
    );
  }

  /** Exactly one order with that number and email, or the same 404 for every miss. */
  /**
   * `GET /store/orders?display_id=&email=`, and `shipping_address[postal_code]` when given (Medusa's
   * lookup matches the shipping address's fields too).
   */
  async lookup(query: OrderLookupQuery): Promise<OrderReply> {
    const postalCode = query.shipping_address?.postal_code;
    return this.findOrder(
      `o.display_id = $1 AND lower(o.email) = lower($2)${postalCode === undefined ? '' : " AND o.cart->'shipping_address'->>'postal_code' = $3"}`,
      postalCode === undefined
        ? [query.display_id, query.email]
        : [query.display_id, query.email, postalCode],
      'Order not found',
      query,
    );
  }

  /**
   * `GET /store/customers/me/orders`: the customer's orders, newest first, filtered by equality
   * (`q` searches the email and the number), a page at a time (Medusa's default limit 10).
   */
  listByCustomer(query: CustomerOrdersQuery): Promise<CustomerOrdersReply> {
    return this.list(query, query.customer_id, 10);
  }

  /** `GET /admin/orders`: every order, filtered as a customer's are, newest first (Medusa's admin limit 50). */
  listAll(query: AdminOrdersQuery): Promise<CustomerOrdersReply> {
    return this.list(query, null, 50);
  }

  private async list(
    query: AdminOrdersQuery,
    customerId: string | null,
    defaultLimit: number,
  ): Promise<CustomerOrdersReply> {
    const sql = new SqlBuilder();
    const where = customerId === null ? ['true'] : [`o.customer_id = ${sql.param(customerId)}`];
    for (const field of ['id', 'status', 'fulfillment_status', 'payment_status'] as const) {
      if (query[field]?.length) where.push(`o.${field} = ANY(${sql.param(query[field])})`);
    }
    for (const field of ['display_id', 'cart_id', 'email', 'region_id', 'currency_code'] as const) {
      if (query[field] !== undefined) where.push(`o.${field} = ${sql.param(query[field])}`);
    }
    if (query.tax_rate !== undefined)
      where.push(`(o.cart->'region'->>'tax_rate')::numeric = ${sql.param(query.tax_rate)}`);
    for (const field of ['created_at', 'updated_at', 'canceled_at'] as const) {
      where.push(...dateRange(sql, `o.${field}`, query[field]));
    }
    if (query.q) {
      const q = sql.param(containsPattern(query.q));
      where.push(`(o.email ILIKE ${q} OR o.display_id::text ILIKE ${q})`);
    }
    const offset = query.offset ?? 0;
    const limit = query.limit ?? defaultLimit;
    const rows = await this.dataSource.query(
      `SELECT ${ORDER_JSON} AS order, count(*) OVER ()::int AS count FROM "order"."order" o
       WHERE ${where.join(' AND ')} ORDER BY o.created_at DESC, o.id DESC
       OFFSET ${sql.param(offset)} LIMIT ${sql.param(limit)}`,
      sql.values,
    );
    const count = rows[0]?.count ?? (offset > 0 ? await this.countOf(where, sql.values) : 0);
    return {
      orders: rows.map(
        (row: { order: StoredOrder }) => shapeOrder(presentOrder(row.order), query) as OrderReply['order'],
      ),
      count,
      offset,
      limit,
    };
  }

  /** How many orders match, for a page past the last one. */
  private async countOf(where: string[], values: unknown[]): Promise<number> {
    const used = values.slice(0, values.length - 2);
    const [{ count }] = await this.dataSource.query(
      `SELECT count(*)::int AS count FROM "order"."order" o WHERE ${where.join(' AND ')}`,
      used,
    );
    return count;
  }

  private async findOrder(
    where: string,
    values: unknown[],
    missing: string,
    shape: OrderFindQuery = {},
  ): Promise<OrderReply> {
    const [row] = await this.dataSource.query(
      `SELECT ${ORDER_JSON} AS order FROM "order"."order" o WHERE ${where}`,
      values,
    );
    if (!row) throw DomainError.notFound(missing);
    return { order: shapeOrder(presentOrder(row.order as StoredOrder), shape) as OrderReply['order'] };
  }
}
