import { Injectable } from '@nestjs/common';
import { OrderEvents, OrderFulfillmentCommand, OrderReply, OrderShipmentCommand } from '@app/contracts';
import { DomainError, newId, Outbox } from '@app/platform';
import { DataSource, EntityManager } from 'typeorm';
import { OrderService } from '../orders/order.service';

interface LockedOrder {
  id: string;
  status: string;
  payment_status: string;
  items: { id: string; quantity: number }[];
}

interface FulfillmentRow {
  id: string;
  items: { item_id: string; quantity: number }[];
  shipped_at: Date | null;
}

/**
 * The merchant fulfills and ships an order's items (Medusa's admin fulfillment and shipment), each
 * change a short transaction on the locked order: never more units than were bought; the order's
 * `fulfillment_status` follows — `partially_fulfilled`, `fulfilled`, `partially_shipped`, `shipped` —
 * with `events.order.fulfillment-created` and `events.order.shipment-created`.
 */
@Injectable()
export class OrderFulfillments {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly orders: OrderService,
  ) {}

  async fulfill(command: OrderFulfillmentCommand): Promise<OrderReply> {
    await this.dataSource.transaction(async (manager) => {
      const order = await this.lock(manager, command.order_id);
      if (order.payment_status === 'not_paid') {
        throw DomainError.notAllowed('The order is not paid yet: it cannot be fulfilled');
      }
      const fulfillments = await this.fulfillments(manager, order.id);
      const fulfilled = countBy(fulfillments, () => true);
      const asked = new Map<string, number>();
      for (const item of command.items)
        asked.set(item.item_id, (asked.get(item.item_id) ?? 0) + item.quantity);
      for (const [itemId, quantity] of asked) {
        const line = order.items.find((candidate) => candidate.id === itemId);
        if (!line) throw DomainError.invalidData(`Item ${itemId} is not part of order ${order.id}`);
        if ((fulfilled.get(itemId) ?? 0) + quantity > line.quantity) {
          throw DomainError.notAllowed('Cannot fulfill more items than have been purchased');
        }
      }
      const items = [...asked].map(([item_id, quantity]) => ({ item_id, quantity }));
      const id = newId('ful');
      await manager.query(
        `INSERT INTO "order".fulfillment (id, order_id, items, no_notification, metadata) VALUES ($1, $2, $3, $4, $5)`,
        [id, order.id, JSON.stringify(items), command.no_notification ?? null, command.metadata ?? null],
      );
      for (const item of items)
        fulfilled.set(item.item_id, (fulfilled.get(item.item_id) ?? 0) + item.quantity);
      const complete = order.items.every((line) => (fulfilled.get(line.id) ?? 0) >= line.quantity);
      await this.setStatus(manager, order.id, complete ? 'fulfilled' : 'partially_fulfilled');
      await this.outbox.record(
        manager,
        OrderEvents.fulfillmentCreated,
        { id: order.id },
        {
          order_id: order.id,
          fulfillment_id: id,
          items,
        },
      );
    });
    return this.orders.get({ order_id: command.order_id });
  }

  async ship(command: OrderShipmentCommand): Promise<OrderReply> {
    await this.dataSource.transaction(async (manager) => {
      const order = await this.lock(manager, command.order_id);
      const fulfillments = await this.fulfillments(manager, order.id);
      const fulfillment = fulfillments.find((candidate) => candidate.id === command.fulfillment_id);
      if (!fulfillment)
        throw DomainError.notFound(`Fulfillment with id ${command.fulfillment_id} was not found`);
      if (fulfillment.shipped_at) return;
      await manager.query(
        `UPDATE "order".fulfillment SET shipped_at = now(), tracking_numbers = $2, updated_at = now() WHERE id = $1`,
        [fulfillment.id, command.tracking_numbers ?? []],
      );
      fulfillment.shipped_at = new Date();
      const shipped = countBy(fulfillments, (candidate) => candidate.shipped_at !== null);
      const complete = order.items.every((line) => (shipped.get(line.id) ?? 0) >= line.quantity);
      await this.setStatus(manager, order.id, complete ? 'shipped' : 'partially_shipped');
      await this.outbox.record(
        manager,
        OrderEvents.shipmentCreated,
        { id: order.id },
        {
          order_id: order.id,
          fulfillment_id: fulfillment.id,
          items: fulfillment.items,
          tracking_numbers: command.tracking_numbers ?? [],
        },
      );
    });
    return this.orders.get({ order_id: command.order_id });
  }

  /** The order, locked for the change; a canceled one is refused. */
  private async lock(manager: EntityManager, orderId: string): Promise<LockedOrder> {
    const [order]: LockedOrder[] = await manager.query(
      `SELECT id, status, payment_status,
         (SELECT coalesce(jsonb_agg(jsonb_build_object('id', i->>'id', 'quantity', (i->>'quantity')::int)), '[]')
          FROM jsonb_array_elements(cart->'items') i) AS items
       FROM "order"."order" WHERE id = $1 FOR UPDATE`,
      [orderId],
    );
    if (!order) throw DomainError.notFound(`Order with id ${orderId} was not found`);
    if (order.status === 'canceled')
      throw DomainError.notAllowed('A canceled order cannot be fulfilled or shipped');
    return order;
  }

  private fulfillments(manager: EntityManager, orderId: string): Promise<FulfillmentRow[]> {
    return manager.query(
      'SELECT id, items, shipped_at FROM "order".fulfillment WHERE order_id = $1 AND canceled_at IS NULL',
      [orderId],
    );
  }

  private async setStatus(manager: EntityManager, orderId: string, status: string): Promise<void> {
    await manager.query(
      `UPDATE "order"."order" SET fulfillment_status = $2, updated_at = now() WHERE id = $1`,
      [orderId, status],
    );
  }
}

/** Units per item over the fulfillments that `counted` keeps. */
function countBy(
  fulfillments: FulfillmentRow[],
  counted: (fulfillment: FulfillmentRow) => boolean,
): Map<string, number> {
  const units = new Map<string, number>();
  for (const fulfillment of fulfillments.filter(counted)) {
    for (const item of fulfillment.items)
      units.set(item.item_id, (units.get(item.item_id) ?? 0) + item.quantity);
  }
  return units;
}
