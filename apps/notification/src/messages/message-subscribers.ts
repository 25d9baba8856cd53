import { Injectable, Type } from '@nestjs/common';
import { EventEnvelope, EventType, OrderEvents, OrderPlaced } from '@app/contracts';
import { EffectStatement, eventData, EventSubscriber, newId, StatementSubscription } from '@app/platform';
import { MAIL_TEMPLATES, MessageKind } from './mail-templates';

/**
 * A durable consumer that writes the customer's mail of `kind` for each event of `type` (sent by the
 * mailer), in the statement that records the event as seen.
 */
function mailCustomer(type: EventType<OrderPlaced>, kind: MessageKind): Type<StatementSubscription> {
  @Injectable()
  @EventSubscriber()
  class MailCustomer implements StatementSubscription {
    readonly consumer = `notification-mail-${kind.replace(/_/g, '-')}`;
    readonly subject = type.subject;
    readonly startAt = 'new' as const;

    statement(event: EventEnvelope): EffectStatement {
      const order = eventData(event, OrderPlaced);
      const mail = MAIL_TEMPLATES[kind](order);
      return {
        sql: `INSERT INTO notification.message (id, event_id, kind, recipient, subject, body)
              SELECT $3, event_id, $4, $5, $6, $7 FROM fresh ON CONFLICT (event_id, kind) DO NOTHING`,
        values: [newId('msg'), kind, order.email, mail.subject, mail.body],
      };
    }
  }
  return MailCustomer;
}

/** The order confirmation when an order is placed, the payment receipt when it is paid. */
export const MESSAGE_SUBSCRIBERS = [
  mailCustomer(OrderEvents.placed, 'order_confirmation'),
  mailCustomer(OrderEvents.paid, 'payment_receipt'),
];
