import { Injectable } from '@nestjs/common';
import {
  CreateOrderCommand,
  OrderByCart,
  OrderEvents,
  OrderFindQuery,
  OrderLookupQuery,
  OrderQuery,
  OrderReply,
} from '@app/contracts';
import { DomainError, jsonArray, jsonObject, newId, Outbox } from '@app/platform';
import { createHash } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { presentOrder, StoredOrder } from './order.presenter';
import { shapeOrder } from './order.query';

const ORDER_COLUMNS = [
  'id',
  'display_id',
  'cart_id',
  'status',
  'fulfillment_status',
  'payment_status',
  'email',
  'customer_id',
  'region_id',
  'currency_code',
  'sales_channel_id',
  'cart',
  'canceled_at',
  'created_at',
  'updated_at',
  'metadata',
] as const;

const PAYMENT_COLUMNS = [
  'id',
  'cart_id',
  'order_id',
  'amount',
  'amount_refunded',
  'currency_code',
  'provider_id',
  'data',
  'captured_at',
  'canceled_at',
  'created_at',
  'updated_at',
] as const;

const ORDER_JSON = jsonObject('o', ORDER_COLUMNS, [
  `'payments', ${jsonArray(
    jsonObject('p', PAYMENT_COLUMNS, ["'swap_id', null", "'idempotency_key', null", "'metadata', null"]),
    '"order".payment p WHERE p.order_id = o.id',
    'p.created_at',
  )}`,
]);

/** Orders: placed once per cart from the frozen checkout, and found by id, cart, or number and email. */
@Injectable()
export class OrderService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
  ) {}

  /** Places the cart's order, or returns it when the cart already has one. */
  async createFromCart(command: CreateOrderCommand): Promise<OrderReply> {
    const cart = command.cart;
    const id = await this.dataSource.transaction(async (manager) => {
      const [created] = await manager.query(
        `INSERT INTO "order"."order" (id, cart_id, email, customer_id, region_id, currency_code, sales_channel_id, cart, payment_status)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (cart_id) DO NOTHING RETURNING id, display_id`,
        [
          newId('order'),
          cart.id,
          cart.email,
          cart.customer_id ?? guestCustomerId(cart.email),
          cart.region_id,
          cart.region.currency_code,
          cart.sales_channel_id ?? null,
          cart,
          command.payment?.status === 'captured' ? 'captured' : 'awaiting',
        ],
      );
      if (!created) {
        const [existing] = await manager.query('SELECT id FROM "order"."order" WHERE cart_id = $1', [
          cart.id,
        ]);
        return existing.id as string;
      }
      if (command.payment) await this.insertPayment(manager, created.id, cart.id, command);
      const placed = {
        order_id: created.id,
        display_id: created.display_id,
        cart_id: cart.id,
        email: cart.email,
        total: cart.total,
        currency_code: cart.region.currency_code,
      };
      await this.outbox.record(manager, OrderEvents.placed, { id: created.id }, placed);
      if (command.payment?.status === 'captured') {
        await this.outbox.record(manager, OrderEvents.paid, { id: created.id }, placed);
      }
      return created.id as string;
    });
    return this.get({ order_id: id });
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
  async lookup(query: OrderLookupQuery): Promise<OrderReply> {
    return this.findOrder(
      'o.display_id = $1 AND lower(o.email) = lower($2)',
      [query.display_id, query.email],
      'Order not found',
      query,
    );
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

  private async insertPayment(
    manager: EntityManager,
    orderId: string,
    cartId: string,
    { payment }: CreateOrderCommand,
  ): Promise<void> {
    if (!payment) return;
    await manager.query(
      `INSERT INTO "order".payment (id, order_id, cart_id, session_id, provider_id, amount, currency_code, data, captured_at,
         provider_reference, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, CASE WHEN $9 THEN now() END, $10, $11)`,
      [
        newId('pay'),
        orderId,
        cartId,
        payment.session_id,
        payment.provider_id,
        payment.amount,
        payment.currency_code,
        payment.data,
        payment.status === 'captured',
        payment.provider_reference ?? null,
        payment.expires_at ?? null,
      ],
    );
  }
}

/**
 * The customer of a guest order: Medusa v1 creates a guest customer for the cart's email, so every
 * order has one. Until customers have their app, the id is derived from the email (lower case), the
 * same for every order of that shopper, for the customer app to adopt.
 */
export function guestCustomerId(email: string): string {
  const digest = createHash('sha256').update(email.trim().toLowerCase()).digest();
  let body = '';
  for (let index = 0; index < 26; index += 1) body += CROCKFORD[digest[index] % 32];
  return `cus_${body}`;
}

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
