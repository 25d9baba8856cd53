import { OrderEditView, PaymentProviderId } from '@app/contracts';
import { EditLine, OrderTotals, totalsWith } from './order-edit-lines';

// An order edit as stored (with the order it edits) and as Medusa shows it.

export type Status = OrderEditView['status'];

export interface Change {
  id: string;
  type: 'item_add' | 'item_update' | 'item_remove';
  original_line_item_id: string | null;
  line_item_id: string | null;
  created_at: string;
}

export interface EditRow {
  id: string;
  order_id: string;
  status: Status;
  items: EditLine[];
  changes: Change[];
  internal_note: string | null;
  created_by: string | null;
  requested_by: string | null;
  requested_at: Date | null;
  confirmed_at: Date | null;
  declined_reason: string | null;
  declined_at: Date | null;
  payment_collection_id: string | null;
  created_at: Date;
  updated_at: Date;
}

export interface OrderRow {
  id: string;
  status: string;
  email: string;
  region_id: string;
  currency_code: string;
  cart: OrderTotals & {
    items: EditLine[];
    region: { tax_rate: number; payment_providers?: { id: PaymentProviderId }[] };
  };
}

const iso = (value: Date | null) => (value ? new Date(value).toISOString() : null);

/** The order's total as it stands (the presenter's), and what the edit would make it. */
export function differenceDue(edit: EditRow, order: OrderRow): number {
  const before = totalsWith(order.cart.items, order.cart).total;
  return totalsWith(edit.items, order.cart).total - before;
}

/** Medusa's `OrderEdit`; the store's view blanks the merchant's note and who asked for it. */
export function presentOrderEdit(edit: EditRow, order: OrderRow, store: boolean): OrderEditView {
  const totals = totalsWith(edit.items, order.cart);
  const lines = new Map(edit.items.map((item) => [item.id, item]));
  const originals = new Map(order.cart.items.map((item) => [item.id, item]));
  const view: OrderEditView = {
    id: edit.id,
    order_id: edit.order_id,
    changes: edit.changes.map((known) => ({
      ...known,
      order_edit_id: edit.id,
      line_item: known.line_item_id ? (lines.get(known.line_item_id) ?? null) : null,
      original_line_item: known.original_line_item_id
        ? (originals.get(known.original_line_item_id) ?? null)
        : null,
      updated_at: known.created_at,
      deleted_at: null,
    })),
    status: edit.status,
    items: edit.items,
    subtotal: totals.subtotal,
    discount_total: totals.discount_total,
    shipping_total: totals.shipping_total,
    gift_card_total: totals.gift_card_total,
    gift_card_tax_total: totals.gift_card_tax_total,
    tax_total: totals.tax_total - totals.gift_card_tax_total,
    total: totals.total,
    difference_due: edit.status === 'confirmed' ? 0 : differenceDue(edit, order),
    payment_collection_id: edit.payment_collection_id,
    requested_at: iso(edit.requested_at),
    confirmed_at: iso(edit.confirmed_at),
    declined_reason: edit.declined_reason,
    declined_at: iso(edit.declined_at),
    canceled_at: null,
    created_at: iso(edit.created_at) as string,
    updated_at: iso(edit.updated_at) as string,
  };
  return {
    ...view,
    internal_note: store ? null : edit.internal_note,
    // Who made it stays: Medusa's schema requires it, and it names the store's admin, not a person's note.
    created_by: edit.created_by ?? '',
    requested_by: store ? null : edit.requested_by,
    confirmed_by: null,
    declined_by: null,
    canceled_by: null,
  };
}
