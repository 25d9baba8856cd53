import { Injectable, Type } from '@nestjs/common';
import { EventEnvelope, EventType, OrderEvents, PaymentEvents } from '@app/contracts';
import { EffectStatement, EventSubscriber, StatementSubscription } from '@app/platform';
import { WebhookDeliveries } from './webhook-deliveries.service';

/** A durable consumer that turns each event of `type` into deliveries to the merchants' endpoints. */
function forwardToWebhooks(type: EventType<unknown>): Type<StatementSubscription> {
  @Injectable()
  @EventSubscriber()
  class ForwardToWebhooks implements StatementSubscription {
    readonly consumer = `notification-webhooks-${type.type.replace(/\./g, '-')}`;
    readonly subject = type.subject;
    readonly startAt = 'new' as const;

    constructor(private readonly deliveries: WebhookDeliveries) {}

    statement(event: EventEnvelope): EffectStatement {
      return this.deliveries.enqueue(event);
    }
  }
  return ForwardToWebhooks;
}

/**
 * The events merchants hear about: orders placed and paid, payments failed or expired, money
 * refunded, and seed 001's Payment created, paid and expired.
 */
export const WEBHOOK_SUBSCRIBERS = [
  OrderEvents.placed,
  OrderEvents.paid,
  PaymentEvents.sessionFailed,
  PaymentEvents.sessionExpired,
  PaymentEvents.refunded,
  OrderEvents.paymentCreated,
  OrderEvents.paymentPaid,
  OrderEvents.paymentExpired,
].map(forwardToWebhooks);
