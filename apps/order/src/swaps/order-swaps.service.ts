import { Injectable } from '@nestjs/common';
import {
  CartCommands,
  ConfirmSwapCommand,
  CreateSwapRequest,
  OrderPaymentInput,
  SwapReply,
  SwapView,
} from '@app/contracts';
import { CommandClient, currentRequestContext, DomainError, newId } from '@app/platform';
import { DataSource } from 'typeorm';
import { OrderReturns } from '../returns/order-returns.service';

type Json = Record<string, unknown>;

interface SwapRow {
  id: string;
  order_id: string;
  return_id: string;
  cart_id: string | null;
  items: Json[] | null;
  shipping_methods: Json[] | null;
  shipping_address: (Json & { id?: string }) | null;
  difference_due: number | null;
  payment: OrderPaymentInput | null;
  payment_status: string;
  fulfillment_status: string;
  idempotency_key: string | null;
  confirmed_at: Date | null;
  canceled_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

const iso = (value: Date | null) => (value ? new Date(value).toISOString() : null);

/**
 * Swaps (Medusa's): the customer sends fulfilled items back for new ones. Creating one has the cart
 * app make the swap's cart — the new items, the returned ones at negative prices — whose total is the
 * difference, then records the swap's return (as `POST /store/returns` would, on the locked order)
 * and the swap in one transaction. Completing that cart runs the checkout saga, which confirms the
 * swap here once, with the cart as frozen and the payment of a positive difference; a negative one
 * is refunded when the return is received.
 */
@Injectable()
export class OrderSwaps {
  constructor(
    private readonly dataSource: DataSource,
    private readonly commands: CommandClient,
    private readonly returns: OrderReturns,
  ) {}

  async create(request: CreateSwapRequest): Promise<SwapReply> {
    const [order] = await this.dataSource.query(
      `SELECT id, status, region_id, email, sales_channel_id, cart->'shipping_address' AS shipping_address,
         cart->'items' AS items
       FROM "order"."order" WHERE id = $1`,
      [request.order_id],
    );
    if (!order) throw DomainError.notFound(`Order with id ${request.order_id} was not found`);
    if (order.status === 'canceled') throw DomainError.notAllowed('Cannot create a swap on a canceled order');
    const shipping = request.return_shipping_option
      ? await this.returns.returnShipping(order.region_id, request.return_shipping_option)
      : null;
    const id = newId('swap');
    const lines = order.items as (Json & { id: string })[];
    const returned = request.return_items.map((item) => {
      const line = lines.find((candidate) => candidate.id === item.item_id);
      if (!line) throw DomainError.invalidData(`Item ${item.item_id} is not part of order ${order.id}`);
      return { ...line, quantity: item.quantity, ordered_quantity: line.quantity };
    });
    // The cart first (the new items priced and in stock): a swap refused after it leaves a cart
    // nobody knows, which cannot be completed (its swap does not exist).
    const { cart } = await this.commands.request(CartCommands.createSwapCart, {
      swap_id: id,
      order_id: order.id,
      region_id: order.region_id,
      email: order.email,
      ...(order.sales_channel_id && { sales_channel_id: order.sales_channel_id }),
      shipping_address: order.shipping_address,
      items: request.additional_items,
      return_lines: returned,
    });
    await this.dataSource.transaction(async (manager) => {
      const returnId = await this.returns.requestIn(
        manager,
        { order_id: request.order_id, items: request.return_items },
        shipping,
        id,
      );
      await manager.query(
        `INSERT INTO "order".swap (id, order_id, return_id, cart_id, additional_items, items, shipping_address, idempotency_key)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [
          id,
          request.order_id,
          returnId,
          cart.id,
          JSON.stringify(request.additional_items),
          JSON.stringify((cart.items as Json[]).filter((item) => !item.is_return)),
          order.shipping_address,
          currentRequestContext()?.idempotencyKey ?? null,
        ],
      );
    });
    return this.get(id);
  }

  async getByCart(cartId: string): Promise<SwapReply> {
    const [row] = await this.dataSource.query('SELECT id FROM "order".swap WHERE cart_id = $1', [cartId]);
    if (!row) throw DomainError.notFound(`Swap with cart id ${cartId} was not found`);
    return this.get(row.id);
  }

  /**
   * The swap's cart completed: the swap confirmed with the new items, shipping and difference as the
   * cart was frozen, and the payment of a positive difference (`awaiting`, or `captured` when the
   * provider took the money). Once: confirmed again, the same swap.
   */
  async confirm(command: ConfirmSwapCommand): Promise<SwapReply> {
    const cart = command.cart;
    const payment = command.payment ?? null;
    const paymentStatus = payment
      ? payment.status === 'captured'
        ? 'captured'
        : 'awaiting'
      : cart.total === 0
        ? 'confirmed'
        : 'not_paid';
    const confirmed = await this.dataSource.query(
      `UPDATE "order".swap SET confirmed_at = now(), cart_id = $2, items = $3, shipping_methods = $4,
         shipping_address = coalesce($5, shipping_address), difference_due = $6, payment = $7,
         payment_status = $8, updated_at = now()
       WHERE id = $1 AND confirmed_at IS NULL AND canceled_at IS NULL AND (cart_id IS NULL OR cart_id = $2)
       RETURNING id`,
      [
        command.swap_id,
        cart.id,
        JSON.stringify(cart.items.filter((item) => !item.is_return)),
        JSON.stringify(cart.shipping_methods),
        cart.shipping_address ? JSON.stringify(cart.shipping_address) : null,
        cart.total,
        payment ? JSON.stringify(payment) : null,
        paymentStatus,
      ],
    );
    const reply = await this.get(command.swap_id);
    if (!confirmed.length && !reply.swap.confirmed_at) {
      throw DomainError.notAllowed(`Swap ${command.swap_id} cannot be confirmed by cart ${cart.id}`);
    }
    return reply;
  }

  private async get(id: string): Promise<SwapReply> {
    const [row]: SwapRow[] = await this.dataSource.query('SELECT * FROM "order".swap WHERE id = $1', [id]);
    if (!row) throw DomainError.notFound(`Swap with id ${id} was not found`);
    return { swap: await this.view(row) };
  }

  /** A swap as Medusa shows it, with its return, new items, shipping and payment. */
  private async view(row: SwapRow): Promise<SwapView> {
    const payment = row.payment;
    return {
      id: row.id,
      fulfillment_status: row.fulfillment_status,
      payment_status: row.payment_status,
      order_id: row.order_id,
      additional_items: (row.items ?? []).map((item) => ({ ...item, cart_id: row.cart_id, swap_id: row.id })),
      return_order: await this.returns.view(row.return_id),
      fulfillments: [],
      payment: payment
        ? {
            id: payment.session_id,
            swap_id: row.id,
            cart_id: row.cart_id,
            order_id: null,
            amount: payment.amount,
            currency_code: payment.currency_code,
            amount_refunded: 0,
            provider_id: payment.provider_id,
            data: payment.data,
            captured_at: payment.status === 'captured' ? iso(row.confirmed_at) : null,
            canceled_at: null,
            idempotency_key: null,
            created_at: iso(row.confirmed_at),
            updated_at: iso(row.updated_at),
            metadata: null,
          }
        : null,
      difference_due: row.difference_due,
      shipping_address_id: row.shipping_address?.id ?? null,
      shipping_address: row.shipping_address,
      shipping_methods: row.shipping_methods ?? [],
      cart_id: row.cart_id,
      confirmed_at: iso(row.confirmed_at),
      canceled_at: iso(row.canceled_at),
      no_notification: null,
      allow_backorder: false,
      idempotency_key: row.idempotency_key,
      created_at: iso(row.created_at) as string,
      updated_at: iso(row.updated_at) as string,
      deleted_at: null,
      metadata: null,
    };
  }
}
