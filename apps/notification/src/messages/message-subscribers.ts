import { Injectable, Type } from '@nestjs/common';
import { EventEnvelope, EventType, OrderEvents, OrderPlaced } from '@app/contracts';
import { eventData, EventSubscriber, EventSubscription, newId } from '@app/platform';
import { EntityManager } from 'typeorm';
import { MAIL_TEMPLATES, MessageKind } from './mail-templates';

/** A durable consumer that writes the customer's mail of `kind` for each event of `type` (sent by the mailer). */
function mailCustomer(type: EventType<OrderPlaced>, kind: MessageKind): Type<EventSubscription> {
  @Injectable()
  @EventSubscriber()
  class MailCustomer implements EventSubscription {
    readonly consumer = `notification-mail-${kind.replace(/_/g, '-')}`;
    readonly subject = type.subject;
    readonly startAt = 'new' as const;

    async handle(event: EventEnvelope, manager: EntityManager): Promise<void> {
      const order = eventData(event, OrderPlaced);
      const mail = MAIL_TEMPLATES[kind](order);
      await manager.query(
        `INSERT INTO notification.message (id, event_id, kind, recipient, subject, body) VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (event_id, kind) DO NOTHING`,
        [newId('msg'), event.id, kind, order.email, mail.subject, mail.body],
      );
    }
  }
  return MailCustomer;
}

/** The order confirmation when an order is placed, the payment receipt when it is paid. */
export const MESSAGE_SUBSCRIBERS = [
  mailCustomer(OrderEvents.placed, 'order_confirmation'),
  mailCustomer(OrderEvents.paid, 'payment_receipt'),
];
