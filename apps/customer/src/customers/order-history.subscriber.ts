import { Injectable } from '@nestjs/common';
import { EventEnvelope, OrderEvents, OrderPlaced } from '@app/contracts';
import { EffectStatement, eventData, EventSubscriber, StatementSubscription } from '@app/platform';

/**
 * A signed-in customer placed an order: counted once (the inbox), with the first and last time they
 * shopped — the `past_transactions` and shopping times the cashier's fraud checks are sent.
 */
@Injectable()
@EventSubscriber()
export class OrderHistorySubscriber implements StatementSubscription {
  readonly consumer = 'customer-order-history';
  readonly subject = OrderEvents.placed.subject;

  concerns(event: EventEnvelope): boolean {
    return typeof (event.data as { customer_id?: unknown })?.customer_id === 'string';
  }

  statement(event: EventEnvelope): EffectStatement {
    const placed = eventData(event, OrderPlaced);
    return {
      sql: `UPDATE customer.customer SET orders_placed = orders_placed + 1,
              first_order_at = least(coalesce(first_order_at, $4::timestamptz), $4::timestamptz),
              last_order_at = greatest(coalesce(last_order_at, $4::timestamptz), $4::timestamptz)
            WHERE id = $3 AND EXISTS (SELECT 1 FROM fresh)`,
      values: [placed.customer_id, event.occurred_at],
    };
  }
}
