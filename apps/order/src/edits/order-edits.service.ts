import { Injectable } from '@nestjs/common';
import {
  AddOrderEditItemCommand,
  CatalogCommands,
  CreateOrderEditCommand,
  DeclineOrderEditCommand,
  OrderEditItemRef,
  OrderEditReply,
  PaymentCollectionCommands,
  RequestOrderEditCommand,
  UpdateOrderEditItemCommand,
} from '@app/contracts';
import { CommandClient, DomainError, newId } from '@app/platform';
import { DataSource, EntityManager } from 'typeorm';
import { addedLine, EditLine, editLineOf, totalsWith, withQuantity } from './order-edit-lines';
import { Change, differenceDue, EditRow, OrderRow, presentOrderEdit } from './order-edit.view';

/**
 * Order edits (Medusa's `OrderEditService`): the merchant copies the order's lines into an edit and
 * adds, changes or removes lines there (each a change), then asks the customer to confirm — a
 * positive difference gets a payment collection at the payment app. The customer declines, or
 * confirms once the collection is authorized: the stock moves at the catalog (once per edit), then
 * in one transaction on the locked order the edit is confirmed, the order's lines and totals become
 * the edit's and the collection's payments become the order's. Every write is guarded by the edit's
 * status, so a repeat changes nothing; no transaction is held across the other apps.
 */
@Injectable()
export class OrderEdits {
  constructor(
    private readonly dataSource: DataSource,
    private readonly commands: CommandClient,
  ) {}

  async create(command: CreateOrderEditCommand): Promise<OrderEditReply> {
    const order = await this.order(this.dataSource.manager, command.order_id);
    if (order.status === 'canceled') throw DomainError.notAllowed('Cannot edit a canceled order');
    const id = newId('oe');
    const items = order.cart.items.map((line) => editLineOf(line, newId('item'), id));
    try {
      await this.dataSource.query(
        `INSERT INTO "order".order_edit (id, order_id, status, items, internal_note, created_by)
         VALUES ($1, $2, 'created', $3, $4, $5)`,
        [id, order.id, JSON.stringify(items), command.internal_note ?? null, command.created_by ?? null],
      );
    } catch (error) {
      if ((error as { code?: string }).code === '23505') {
        throw DomainError.notAllowed(`An active order edit already exists for the order ${order.id}`);
      }
      throw error;
    }
    return this.get(id);
  }

  async get(id: string, store = false): Promise<OrderEditReply> {
    const edit = await this.edit(this.dataSource.manager, id);
    const order = await this.order(this.dataSource.manager, edit.order_id);
    return { order_edit: presentOrderEdit(edit, order, store) };
  }

  /** Adds a variant, priced by the catalog in the order's region (Medusa's `addLineItem`). */
  async addItem(command: AddOrderEditItemCommand): Promise<OrderEditReply> {
    const edit = await this.edit(this.dataSource.manager, command.order_edit_id);
    assertEditable(edit);
    const order = await this.order(this.dataSource.manager, edit.order_id);
    const {
      items: [item],
    } = await this.commands.request(CatalogCommands.priceVariants, {
      items: [{ variant_id: command.variant_id, quantity: command.quantity }],
      region_id: order.region_id,
    });
    if (item.presale)
      throw DomainError.invalidData(`Variant with id: ${item.variant_id} is sold in presale only`);
    if (item.pricing.calculated_price === null) {
      throw DomainError.invalidData(
        `Cannot generate line item for variant "${item.variant.title}" without a price`,
      );
    }
    const line = addedLine(
      item,
      newId('item'),
      edit.id,
      order.cart.region.tax_rate,
      new Date().toISOString(),
    );
    return this.change(edit.id, (current) => ({
      items: [...current.items, line],
      changes: [...current.changes, change('item_add', null, line.id)],
    }));
  }

  /** Sets a line's quantity (0 removes it). */
  updateItem(command: UpdateOrderEditItemCommand): Promise<OrderEditReply> {
    if (command.quantity === 0) return this.removeItem(command);
    return this.change(command.order_edit_id, (current) => {
      const line = lineOf(current, command.item_id);
      const others = current.changes.filter(
        (known) => known.line_item_id !== line.id || known.type === 'item_add',
      );
      return {
        items: current.items.map((item) =>
          item.id === line.id ? withQuantity(line, command.quantity) : item,
        ),
        changes: line.original_item_id
          ? [...others, change('item_update', line.original_item_id, line.id)]
          : current.changes,
      };
    });
  }

  removeItem(ref: OrderEditItemRef): Promise<OrderEditReply> {
    return this.change(ref.order_edit_id, (current) => {
      const line = lineOf(current, ref.item_id);
      const others = current.changes.filter((known) => known.line_item_id !== line.id);
      return {
        items: current.items.filter((item) => item.id !== line.id),
        changes: line.original_item_id
          ? [...others, change('item_remove', line.original_item_id, null)]
          : others,
      };
    });
  }

  /**
   * Asks the customer to confirm. A positive difference gets its payment collection (once per edit)
   * before the edit is marked requested.
   */
  async request(command: RequestOrderEditCommand): Promise<OrderEditReply> {
    const edit = await this.edit(this.dataSource.manager, command.order_edit_id);
    if (edit.status === 'requested') return this.get(edit.id);
    assertEditable(edit);
    if (!edit.changes.length) {
      throw DomainError.invalidData('Cannot request a confirmation on an edit with no changes');
    }
    const order = await this.order(this.dataSource.manager, edit.order_id);
    const difference = differenceDue(edit, order);
    let collectionId: string | null = null;
    if (difference > 0) {
      const { payment_collection } = await this.commands.request(PaymentCollectionCommands.create, {
        type: 'order_edit',
        amount: difference,
        currency_code: order.currency_code,
        region_id: order.region_id,
        provider_ids: (order.cart.region.payment_providers ?? []).map((provider) => provider.id),
        reference_id: edit.id,
        description: `Order edit ${edit.id}`,
        email: order.email,
        created_by: command.requested_by ?? null,
      });
      collectionId = payment_collection.id;
    }
    await this.dataSource.query(
      `UPDATE "order".order_edit SET status = 'requested', requested_at = now(), requested_by = $2,
         payment_collection_id = $3, updated_at = now()
       WHERE id = $1 AND status = 'created'`,
      [edit.id, command.requested_by ?? null, collectionId],
    );
    return this.get(edit.id);
  }

  /**
   * `POST /store/order-edits/{id}/complete`: the customer confirms. Refused unless requested (a
   * confirmed edit is answered as it is) and, with a difference to pay, unless its collection is
   * authorized.
   */
  async complete(id: string): Promise<OrderEditReply> {
    const edit = await this.edit(this.dataSource.manager, id);
    if (edit.status === 'confirmed') return this.get(id, true);
    if (edit.status !== 'requested') {
      throw DomainError.notAllowed(`Cannot complete an order edit with status ${edit.status}`);
    }
    const payments = edit.payment_collection_id
      ? await this.authorizedPayments(edit.payment_collection_id)
      : [];
    const order = await this.order(this.dataSource.manager, edit.order_id);
    await this.moveStock(edit, order);
    await this.dataSource.transaction(async (manager) => {
      const locked = await this.order(manager, edit.order_id, true);
      const [confirmed] = await manager.query(
        `UPDATE "order".order_edit SET status = 'confirmed', confirmed_at = now(), updated_at = now()
         WHERE id = $1 AND status = 'requested' RETURNING id`,
        [id],
      );
      if (!confirmed) return;
      const lines = edit.items.map(({ original_item_id, order_edit_id: _edit, ...line }) => ({
        ...line,
        id: original_item_id ?? line.id,
      }));
      const totals = totalsWith(edit.items, locked.cart);
      await manager.query(
        `UPDATE "order"."order" SET cart = cart || $2::jsonb, updated_at = now() WHERE id = $1`,
        [edit.order_id, JSON.stringify({ ...totals, items: lines })],
      );
      for (const payment of payments) {
        await manager.query(
          `INSERT INTO "order".payment (id, order_id, cart_id, session_id, provider_id, amount, currency_code, data, captured_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (session_id) DO NOTHING`,
          [
            newId('pay'),
            edit.order_id,
            edit.payment_collection_id,
            payment.id,
            payment.provider_id,
            payment.amount,
            order.currency_code,
            payment.data,
            payment.captured ? new Date() : null,
          ],
        );
      }
    });
    return this.get(id, true);
  }

  /** `POST /store/order-edits/{id}/decline`: only a requested edit (a declined one is answered as it is). */
  async decline(command: DeclineOrderEditCommand): Promise<OrderEditReply> {
    const edit = await this.edit(this.dataSource.manager, command.order_edit_id);
    if (edit.status === 'declined') return this.get(edit.id, true);
    if (edit.status !== 'requested') {
      throw DomainError.notAllowed(`Cannot decline an order edit with status ${edit.status}`);
    }
    await this.dataSource.query(
      `UPDATE "order".order_edit SET status = 'declined', declined_at = now(), declined_reason = $2, updated_at = now()
       WHERE id = $1 AND status = 'requested'`,
      [edit.id, command.declined_reason ?? null],
    );
    return this.get(edit.id, true);
  }

  /** The collection's authorized sessions, refused unless they cover it. */
  private async authorizedPayments(
    collectionId: string,
  ): Promise<{ id: string; provider_id: string; amount: number; data: unknown; captured: boolean }[]> {
    const { payment_collection } = await this.commands.request(PaymentCollectionCommands.get, {
      payment_collection_id: collectionId,
    });
    if (payment_collection.status !== 'authorized') {
      throw DomainError.notAllowed('Unable to complete an order edit if the payment is not authorized');
    }
    return payment_collection.payment_sessions
      .filter((session) => session.status === 'authorized')
      .map((session) => ({
        id: session.id,
        provider_id: session.provider_id,
        amount: session.amount,
        data: session.data,
        captured: false,
      }));
  }

  /**
   * What the edit changes on the shelf, once per edit: more units reserved and sold, fewer units put
   * back (each keyed by the edit, so a repeat moves nothing again).
   */
  private async moveStock(edit: EditRow, order: OrderRow): Promise<void> {
    const units = new Map<string, number>();
    for (const line of edit.items)
      units.set(line.variant_id, (units.get(line.variant_id) ?? 0) + line.quantity);
    for (const line of order.cart.items)
      units.set(line.variant_id, (units.get(line.variant_id) ?? 0) - line.quantity);
    const more = [...units]
      .filter(([, delta]) => delta > 0)
      .map(([variant_id, quantity]) => ({ variant_id, quantity }));
    const fewer = [...units]
      .filter(([, delta]) => delta < 0)
      .map(([variant_id, delta]) => ({ variant_id, quantity: -delta }));
    if (more.length) {
      const key = `edit:${edit.id}`;
      await this.commands.request(CatalogCommands.reserveInventory, { reservation_key: key, items: more });
      await this.commands.request(CatalogCommands.confirmInventory, { reservation_key: key });
    }
    if (fewer.length) {
      await this.commands.request(CatalogCommands.returnInventory, {
        reservation_key: `edit-back:${edit.id}`,
        items: fewer,
      });
    }
  }

  /** Applies `next` to the edit, under its lock, while it is still being made. */
  private async change(
    id: string,
    next: (edit: EditRow) => { items: EditLine[]; changes: Change[] },
  ): Promise<OrderEditReply> {
    await this.dataSource.transaction(async (manager) => {
      const edit = await this.edit(manager, id, true);
      assertEditable(edit);
      const changed = next(edit);
      await manager.query(
        'UPDATE "order".order_edit SET items = $2, changes = $3, updated_at = now() WHERE id = $1',
        [id, JSON.stringify(changed.items), JSON.stringify(changed.changes)],
      );
    });
    return this.get(id);
  }

  private async edit(manager: EntityManager, id: string, lock = false): Promise<EditRow> {
    const [row]: EditRow[] = await manager.query(
      `SELECT * FROM "order".order_edit WHERE id = $1 ${lock ? 'FOR UPDATE' : ''}`,
      [id],
    );
    if (!row) throw DomainError.notFound(`Order edit with id ${id} was not found`);
    return row;
  }

  private async order(manager: EntityManager, id: string, lock = false): Promise<OrderRow> {
    const [row]: OrderRow[] = await manager.query(
      `SELECT id, status, email, region_id, currency_code, cart FROM "order"."order" WHERE id = $1 ${lock ? 'FOR UPDATE' : ''}`,
      [id],
    );
    if (!row) throw DomainError.notFound(`Order with id ${id} was not found`);
    return row;
  }
}

function assertEditable(edit: EditRow): void {
  if (edit.status !== 'created') {
    throw DomainError.notAllowed(`Can not update an order edit with status ${edit.status}`);
  }
}

function lineOf(edit: EditRow, itemId: string): EditLine {
  const line = edit.items.find((item) => item.id === itemId);
  if (!line) throw DomainError.notFound(`Line item with id ${itemId} was not found in the order edit`);
  return line;
}

function change(type: Change['type'], original: string | null, line: string | null): Change {
  return {
    id: newId('oic'),
    type,
    original_line_item_id: original,
    line_item_id: line,
    created_at: new Date().toISOString(),
  };
}
