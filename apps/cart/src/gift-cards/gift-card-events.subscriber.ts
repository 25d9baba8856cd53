import { Injectable, Type } from '@nestjs/common';
import {
  CartEvents,
  CartSnapshot,
  EventEnvelope,
  EventType,
  OrderCanceled,
  OrderEvents,
  OrderPlaced,
  OrderRefunded,
} from '@app/contracts';
import {
  EffectStatement,
  eventData,
  EventSubscriber,
  newId,
  Outbox,
  StatementSubscription,
  TransactionalSubscription,
} from '@app/platform';
import { EntityManager } from 'typeorm';
import { giftCardCode } from './gift-card.service';
import { releaseAll, restoreShare } from './gift-card-ledger.service';

const FRESH = 'EXISTS (SELECT 1 FROM fresh)';

/** A canceled order's gift cards get back everything it used of them. */
@Injectable()
@EventSubscriber()
export class GiftCardsBackOnCancel implements StatementSubscription {
  readonly consumer = 'cart-gift-cards-order-canceled';
  readonly subject = OrderEvents.canceled.subject;

  statement(event: EventEnvelope): EffectStatement {
    const canceled = eventData(event, OrderCanceled);
    const write = releaseAll('$3', FRESH);
    return { ctes: write.ctes, sql: write.sql, values: [canceled.cart_id] };
  }
}

/** A refund gives the order's gift cards back the share of them that it is of the money paid. */
@Injectable()
@EventSubscriber()
export class GiftCardsBackOnRefund implements StatementSubscription {
  readonly consumer = 'cart-gift-cards-order-refunded';
  readonly subject = OrderEvents.refunded.subject;

  statement(event: EventEnvelope): EffectStatement {
    const refunded = eventData(event, OrderRefunded);
    const write = restoreShare('$3', '$4::int', '$5::int', FRESH);
    return {
      ctes: write.ctes,
      sql: write.sql,
      values: [refunded.cart_id, refunded.refunded_total, refunded.paid_total],
    };
  }
}

interface GiftCardLine {
  id: string;
  is_giftcard?: boolean;
  unit_price: number;
  quantity: number;
  metadata?: Record<string, unknown> | null;
}

/**
 * Issues the gift cards an order bought, one per unit of each gift-card line, worth the line's unit
 * price in the order's region, once the order is paid for: when it is placed with its payment (a
 * checkout that completed) or when its money arrives (an order submitted, then paid). Each unit
 * issues once (`(line_item_id, unit)` is unique) and announces `events.cart.gift-card-issued` for
 * its recipient's mail.
 */
function issueGiftCardsOn(
  type: EventType<OrderPlaced>,
  onlyCompleted: boolean,
): Type<TransactionalSubscription> {
  @Injectable()
  @EventSubscriber()
  class IssueGiftCards implements TransactionalSubscription {
    readonly consumer = `cart-gift-cards-issue-on-${type.subject.split('.').pop()}`;
    readonly subject = type.subject;
    /** Only orders that sell gift cards (the order app says so in the event). */
    readonly concerns = (event: EventEnvelope) =>
      (event.data as { sells_gift_cards?: unknown } | null)?.sells_gift_cards === true;

    constructor(private readonly outbox: Outbox) {}

    async handle(event: EventEnvelope, manager: EntityManager): Promise<void> {
      const order = eventData(event, OrderPlaced);
      const [checkout]: { snapshot: CartSnapshot | null; mode: string }[] = await manager.query(
        'SELECT snapshot, mode FROM cart.checkout WHERE cart_id = $1',
        [order.cart_id],
      );
      if (!checkout?.snapshot || (onlyCompleted && checkout.mode !== 'complete')) return;
      const cart = checkout.snapshot;
      const region = cart.region as {
        currency_code: string;
        tax_rate?: number;
        gift_cards_taxable?: boolean;
      };
      for (const line of cart.items as unknown as GiftCardLine[]) {
        if (!line.is_giftcard) continue;
        for (let unit = 1; unit <= line.quantity; unit += 1) {
          const [card]: { id: string; code: string }[] = await manager.query(
            `INSERT INTO cart.gift_card (id, code, value, balance, region_id, order_id, tax_rate, line_item_id, unit)
             VALUES ($1, $2, $3, $3, $4, $5, $6, $7, $8)
             ON CONFLICT (line_item_id, unit) WHERE line_item_id IS NOT NULL DO NOTHING
             RETURNING id, code`,
            [
              newId('gift'),
              giftCardCode(),
              line.unit_price,
              cart.region_id,
              order.order_id,
              region.gift_cards_taxable ? (region.tax_rate ?? null) : null,
              line.id,
              unit,
            ],
          );
          if (!card) continue;
          await this.outbox.record(
            manager,
            CartEvents.giftCardIssued,
            { id: card.id },
            {
              gift_card_id: card.id,
              code: card.code,
              value: line.unit_price,
              currency_code: region.currency_code,
              email: recipientOf(line, cart.email),
              order_id: order.order_id,
            },
          );
        }
      }
    }
  }
  return IssueGiftCards;
}

/** Where a bought card goes: the address the shopper gave on the line, else the order's email. */
function recipientOf(line: GiftCardLine, orderEmail: string): string {
  const recipient = line.metadata?.recipient_email;
  return typeof recipient === 'string' && /^[^\s@]+@[^\s@]+$/.test(recipient) ? recipient : orderEmail;
}

/** Gift cards issued when a completed checkout places its order, or when a submitted order is paid. */
export const GIFT_CARD_ISSUERS = [
  issueGiftCardsOn(OrderEvents.placed, true),
  issueGiftCardsOn(OrderEvents.paid, false),
];
