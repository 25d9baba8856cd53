import { Injectable } from '@nestjs/common';
import {
  CatalogCommands,
  CreateReturnRequest,
  OrderEvents,
  ReceiveReturnCommand,
  ReturnView,
} from '@app/contracts';
import { CommandClient, DomainError, newId, Outbox } from '@app/platform';
import { DataSource, EntityManager } from 'typeorm';
import { OrderRefunds } from '../payments/order-refunds.service';

interface OrderLine {
  id: string;
  variant_id: string;
  quantity: number;
  total: number;
}

interface ReturnItem {
  item_id: string;
  quantity: number;
  reason_id: string | null;
  note: string | null;
  received_quantity: number | null;
}

interface ReturnRow {
  id: string;
  order_id: string;
  status: 'requested' | 'received';
  items: ReturnItem[];
  shipping_option_id: string | null;
  shipping_amount: number;
  refund_amount: number;
  received_at: Date | null;
  swap_id: string | null;
  created_at: Date;
  updated_at: Date;
}

/**
 * Returns (Medusa's): the customer asks to send back fulfilled items not returned yet — each line's
 * worth (its total, taxes and discounts included, per unit) less the return shipping is what comes
 * back; the merchant receives them: restocked at the catalog (once per return), refunded through the
 * order's payments (points to the ledger, once per return), the order `partially_returned` or
 * `returned`. Each change is a short transaction on the locked order; the catalog and the refund
 * come after it committed, each idempotent, so receiving again finishes what a crash cut short.
 */
@Injectable()
export class OrderReturns {
  constructor(
    private readonly dataSource: DataSource,
    private readonly commands: CommandClient,
    private readonly outbox: Outbox,
    private readonly refunds: OrderRefunds,
  ) {}

  async create(request: CreateReturnRequest): Promise<{ return: ReturnView }> {
    const [order] = await this.dataSource.query('SELECT region_id FROM "order"."order" WHERE id = $1', [
      request.order_id,
    ]);
    if (!order) throw DomainError.notFound(`Order with id ${request.order_id} was not found`);
    const shipping = request.return_shipping
      ? await this.returnShipping(order.region_id, request.return_shipping.option_id)
      : null;
    const id = await this.dataSource.transaction((manager) => this.requestIn(manager, request, shipping));
    return { return: await this.view(id) };
  }

  /**
   * Records the return `request` asks for (for the swap `swapId`, if one) in `manager`'s transaction,
   * the order locked; its id.
   */
  async requestIn(
    manager: EntityManager,
    request: CreateReturnRequest,
    shipping: { id: string; amount: number } | null,
    swapId: string | null = null,
  ): Promise<string> {
    const lines = await this.lockOrder(manager, request.order_id);
    const returnable = await this.returnable(manager, request.order_id, lines);
    const items: ReturnItem[] = [];
    let worth = 0;
    for (const asked of request.items) {
      const line = lines.find((candidate) => candidate.id === asked.item_id);
      if (!line)
        throw DomainError.invalidData(`Item ${asked.item_id} is not part of order ${request.order_id}`);
      if (asked.quantity > (returnable.get(line.id) ?? 0)) {
        throw DomainError.notAllowed('Cannot return more items than have been fulfilled and not returned');
      }
      returnable.set(line.id, (returnable.get(line.id) ?? 0) - asked.quantity);
      worth += Math.round((line.total * asked.quantity) / line.quantity);
      items.push({
        item_id: line.id,
        quantity: asked.quantity,
        reason_id: asked.reason_id ?? null,
        note: asked.note ?? null,
        received_quantity: null,
      });
    }
    const returnId = newId('ret');
    await manager.query(
      `INSERT INTO "order".return (id, order_id, status, items, shipping_option_id, shipping_amount, refund_amount, swap_id)
         VALUES ($1, $2, 'requested', $3, $4, $5, $6, $7)`,
      [
        returnId,
        request.order_id,
        JSON.stringify(items),
        shipping?.id ?? null,
        shipping?.amount ?? 0,
        Math.max(worth - (shipping?.amount ?? 0), 0),
        swapId,
      ],
    );
    await this.outbox.record(
      manager,
      OrderEvents.returnRequested,
      { id: request.order_id },
      {
        order_id: request.order_id,
        fulfillment_id: returnId,
        items: items.map(({ item_id, quantity }) => ({ item_id, quantity })),
      },
    );
    return returnId;
  }

  async receive(command: ReceiveReturnCommand): Promise<{ return: ReturnView }> {
    const received = await this.dataSource.transaction(async (manager) => {
      const [known]: ReturnRow[] = await manager.query('SELECT * FROM "order".return WHERE id = $1', [
        command.return_id,
      ]);
      if (!known) throw DomainError.notFound(`Return with id ${command.return_id} was not found`);
      const lines = await this.lockOrder(manager, known.order_id);
      const [row]: ReturnRow[] = await manager.query('SELECT * FROM "order".return WHERE id = $1', [
        known.id,
      ]);
      if (row.status === 'received') return row;
      const items = row.items.map((item) => {
        const got = command.items.find((candidate) => candidate.item_id === item.item_id);
        return { ...item, received_quantity: got?.quantity ?? 0 };
      });
      for (const got of command.items) {
        const item = items.find((candidate) => candidate.item_id === got.item_id);
        if (!item) throw DomainError.invalidData(`Item ${got.item_id} is not part of return ${row.id}`);
        if (got.quantity > item.quantity)
          throw DomainError.notAllowed('Cannot receive more items than were returned');
      }
      const worth = items.reduce((sum, item) => {
        const line = lines.find((candidate) => candidate.id === item.item_id) as OrderLine;
        return sum + Math.round((line.total * (item.received_quantity ?? 0)) / line.quantity);
      }, 0);
      const refund = command.refund ?? (await this.refundDue(manager, row, worth));
      const [[updated]]: [ReturnRow[], number] = await manager.query(
        `UPDATE "order".return SET status = 'received', items = $2, refund_amount = $3, received_at = now(), updated_at = now()
         WHERE id = $1 RETURNING *`,
        [row.id, JSON.stringify(items), refund],
      );
      const returned = await this.returnedUnits(manager, row.order_id);
      const whole = lines.every((line) => (returned.get(line.id) ?? 0) >= line.quantity);
      await manager.query(
        `UPDATE "order"."order" SET fulfillment_status = $2, updated_at = now() WHERE id = $1`,
        [row.order_id, whole ? 'returned' : 'partially_returned'],
      );
      const [order] = await manager.query(
        'SELECT email, display_id, currency_code FROM "order"."order" WHERE id = $1',
        [row.order_id],
      );
      await this.outbox.record(
        manager,
        OrderEvents.returnReceived,
        { id: row.order_id },
        {
          order_id: row.order_id,
          fulfillment_id: row.id,
          items: items.map(({ item_id, received_quantity }) => ({
            item_id,
            quantity: received_quantity ?? 0,
          })),
          email: order.email,
          display_id: order.display_id,
          refund_amount: refund,
          currency_code: order.currency_code,
        },
      );
      return updated;
    });
    await this.settle(received);
    return { return: await this.view(received.id) };
  }

  /**
   * What a received return refunds: the items' worth less the return shipping; for a swap's return,
   * what the swap's cart came to below zero (the new items paid by the returned ones), as far as the
   * items received are worth it, less the return shipping — nothing while the swap is not confirmed.
   */
  private async refundDue(manager: EntityManager, row: ReturnRow, worth: number): Promise<number> {
    if (!row.swap_id) return Math.max(worth - row.shipping_amount, 0);
    const [swap]: { difference_due: number | null; confirmed_at: Date | null }[] = await manager.query(
      'SELECT difference_due, confirmed_at FROM "order".swap WHERE id = $1',
      [row.swap_id],
    );
    if (!swap?.confirmed_at || swap.difference_due === null || swap.difference_due >= 0) return 0;
    const refund = Math.max(Math.min(-swap.difference_due, worth) - row.shipping_amount, 0);
    if (refund > 0) {
      await manager.query(
        `UPDATE "order".swap SET payment_status = 'difference_refunded', updated_at = now() WHERE id = $1`,
        [row.swap_id],
      );
    }
    return refund;
  }

  /** What a received return sets off, each once by its key: the units restocked, the money refunded. */
  private async settle(row: ReturnRow): Promise<void> {
    const [order] = await this.dataSource.query(
      `SELECT cart->'items' AS items FROM "order"."order" WHERE id = $1`,
      [row.order_id],
    );
    const lines = order.items as OrderLine[];
    const units = row.items
      .filter((item) => (item.received_quantity ?? 0) > 0)
      .map((item) => ({
        variant_id: (lines.find((line) => line.id === item.item_id) as OrderLine).variant_id,
        quantity: item.received_quantity as number,
      }));
    if (units.length) {
      await this.commands.request(CatalogCommands.returnInventory, { reservation_key: row.id, items: units });
    }
    if (row.refund_amount > 0) {
      await this.refunds.refund(
        { order_id: row.order_id, amount: row.refund_amount, reason: 'return', note: `Return ${row.id}` },
        `return:${row.id}`,
      );
    }
  }

  /** Return shipping: a return option of the order's region, at its price. */
  async returnShipping(regionId: string, optionId: string): Promise<{ id: string; amount: number }> {
    const { shipping_options } = await this.commands.request(CatalogCommands.listShippingOptions, {
      region_id: regionId,
      is_return: 'true',
    });
    const option = shipping_options.find((candidate) => candidate.id === optionId);
    if (!option)
      throw DomainError.invalidData(
        `Shipping option ${optionId} is not a return option of the order's region`,
      );
    return { id: option.id, amount: option.amount ?? 0 };
  }

  /** The order's lines, the order locked; a canceled one is refused. */
  private async lockOrder(manager: EntityManager, orderId: string): Promise<OrderLine[]> {
    const [order] = await manager.query(
      `SELECT status, (SELECT coalesce(jsonb_agg(jsonb_build_object('id', i->>'id', 'variant_id', i->>'variant_id',
           'quantity', (i->>'quantity')::int, 'total', (i->>'total')::int)), '[]')
         FROM jsonb_array_elements(cart->'items') i) AS lines
       FROM "order"."order" WHERE id = $1 FOR UPDATE`,
      [orderId],
    );
    if (!order) throw DomainError.notFound(`Order with id ${orderId} was not found`);
    if (order.status === 'canceled') throw DomainError.notAllowed('A canceled order has nothing to return');
    return order.lines;
  }

  /** Per line: units fulfilled, less those in a return already (requested or received). */
  private async returnable(
    manager: EntityManager,
    orderId: string,
    lines: OrderLine[],
  ): Promise<Map<string, number>> {
    const fulfillments: { items: { item_id: string; quantity: number }[] }[] = await manager.query(
      'SELECT items FROM "order".fulfillment WHERE order_id = $1 AND canceled_at IS NULL',
      [orderId],
    );
    const units = new Map(lines.map((line) => [line.id, 0]));
    for (const item of fulfillments.flatMap((fulfillment) => fulfillment.items)) {
      units.set(item.item_id, (units.get(item.item_id) ?? 0) + item.quantity);
    }
    const returns: { items: ReturnItem[] }[] = await manager.query(
      'SELECT items FROM "order".return WHERE order_id = $1',
      [orderId],
    );
    for (const item of returns.flatMap((row) => row.items)) {
      units.set(item.item_id, (units.get(item.item_id) ?? 0) - item.quantity);
    }
    return units;
  }

  /** Per line: units received back. */
  private async returnedUnits(manager: EntityManager, orderId: string): Promise<Map<string, number>> {
    const returns: { items: ReturnItem[] }[] = await manager.query(
      `SELECT items FROM "order".return WHERE order_id = $1 AND status = 'received'`,
      [orderId],
    );
    const units = new Map<string, number>();
    for (const item of returns.flatMap((row) => row.items)) {
      units.set(item.item_id, (units.get(item.item_id) ?? 0) + (item.received_quantity ?? 0));
    }
    return units;
  }

  /** A return as Medusa shows it. */
  async view(id: string): Promise<ReturnView> {
    const [row]: ReturnRow[] = await this.dataSource.query('SELECT * FROM "order".return WHERE id = $1', [
      id,
    ]);
    return {
      id: row.id,
      status: row.status,
      items: row.items.map((item) => ({
        return_id: row.id,
        item_id: item.item_id,
        quantity: item.quantity,
        is_requested: true,
        requested_quantity: item.quantity,
        received_quantity: item.received_quantity,
        reason_id: item.reason_id,
        note: item.note,
        metadata: null,
      })),
      swap_id: row.swap_id,
      claim_order_id: null,
      order_id: row.order_id,
      shipping_method: row.shipping_option_id
        ? { shipping_option_id: row.shipping_option_id, price: row.shipping_amount, return_id: row.id }
        : null,
      shipping_data: null,
      location_id: null,
      refund_amount: row.refund_amount,
      no_notification: null,
      idempotency_key: null,
      received_at: row.received_at ? new Date(row.received_at).toISOString() : null,
      created_at: new Date(row.created_at).toISOString(),
      updated_at: new Date(row.updated_at).toISOString(),
      metadata: null,
    };
  }
}
