import { Injectable, Type } from '@nestjs/common';
import { EventEnvelope, EventType, OrderEvents, PaymentEvents } from '@app/contracts';
import { EventSubscriber, EventSubscription } from '@app/platform';
import { EntityManager } from 'typeorm';
import { WebhookDeliveries } from './webhook-deliveries.service';

/** A durable consumer that turns each event of `type` into deliveries to the merchants' endpoints. */
function forwardToWebhooks(type: EventType<unknown>): Type<EventSubscription> {
  @Injectable()
  @EventSubscriber()
  class ForwardToWebhooks implements EventSubscription {
    readonly consumer = `notification-webhooks-${type.type.replace(/\./g, '-')}`;
    readonly subject = type.subject;
    readonly startAt = 'new' as const;

    constructor(private readonly deliveries: WebhookDeliveries) {}

    handle(event: EventEnvelope, manager: EntityManager): Promise<void> {
      return this.deliveries.enqueue(manager, event);
    }
  }
  return ForwardToWebhooks;
}

/** The events merchants hear about: orders placed and paid, payments failed or expired, money refunded. */
export const WEBHOOK_SUBSCRIBERS = [
  OrderEvents.placed,
  OrderEvents.paid,
  PaymentEvents.sessionFailed,
  PaymentEvents.sessionExpired,
  PaymentEvents.refunded,
].map(forwardToWebhooks);
