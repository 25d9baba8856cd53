import { Injectable, Type } from '@nestjs/common';
import { EventEnvelope, EventType, OrderEvents, OrderPlaced } from '@app/contracts';
import { EffectStatement, eventData, EventSubscriber, StatementSubscription } from '@app/platform';
import { mailStatement } from './mail-statement';
import { MAIL_TEMPLATES } from './mail-templates';

/**
 * A durable consumer that writes the customer's mail of `kind` for each event of `type` (sent by the
 * mailer), in the statement that records the event as seen.
 */
function mailCustomer(
  type: EventType<OrderPlaced>,
  kind: 'order_confirmation' | 'payment_receipt',
): Type<StatementSubscription> {
  @Injectable()
  @EventSubscriber()
  class MailCustomer implements StatementSubscription {
    readonly consumer = `notification-mail-${kind.replace(/_/g, '-')}`;
    readonly subject = type.subject;
    readonly startAt = 'new' as const;

    statement(event: EventEnvelope): EffectStatement {
      const order = eventData(event, OrderPlaced);
      return mailStatement(kind, order.email, MAIL_TEMPLATES[kind](order));
    }
  }
  return MailCustomer;
}

/** The order confirmation when an order is placed, the payment receipt when it is paid. */
export const MESSAGE_SUBSCRIBERS = [
  mailCustomer(OrderEvents.placed, 'order_confirmation'),
  mailCustomer(OrderEvents.paid, 'payment_receipt'),
];
