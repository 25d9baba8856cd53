import { Injectable } from '@nestjs/common';
import { CatalogEvents, EventEnvelope, SalesChannelChanged } from '@app/contracts';
import { EffectStatement, eventData, EventSubscriber, StatementSubscription } from '@app/platform';

/**
 * A sales channel the merchant renamed or changed: open carts sold in it show it as it now is
 * (Medusa reads a cart's channel live). Only a newer copy replaces an older one, whatever order the
 * changes arrive in; a deleted channel leaves the carts' copies as they were. The cart's version is
 * not raised: no change a shopper makes writes the channel's copy but one that moves the cart.
 */
@Injectable()
@EventSubscriber()
export class SalesChannelCopies implements StatementSubscription {
  readonly consumer = 'cart-sales-channel-copies';
  readonly subject = CatalogEvents.salesChannelChanged.subject;

  concerns(event: EventEnvelope): boolean {
    return !!(event.data as { sales_channel?: unknown }).sales_channel;
  }

  statement(event: EventEnvelope): EffectStatement {
    const changed = eventData(event, SalesChannelChanged);
    return {
      sql: `UPDATE cart.cart c SET sales_channel = $4::jsonb FROM fresh
            WHERE c.sales_channel_id = $3 AND c.completed_at IS NULL
              AND (c.sales_channel->>'updated_at')::timestamptz < ($4::jsonb->>'updated_at')::timestamptz`,
      values: [changed.sales_channel_id, JSON.stringify(changed.sales_channel)],
    };
  }
}
