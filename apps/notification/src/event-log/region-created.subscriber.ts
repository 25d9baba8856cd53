import { Injectable } from '@nestjs/common';
import { CatalogEvents, EventEnvelope, RegionCreated } from '@app/contracts';
import { eventData, EventSubscriber, TransactionalSubscription } from '@app/platform';
import { EntityManager } from 'typeorm';

/** Records every region the catalog creates in the notification app's event log. */
@Injectable()
@EventSubscriber()
export class RegionCreatedSubscriber implements TransactionalSubscription {
  readonly consumer = 'notification-region-created';
  readonly subject = CatalogEvents.regionCreated.subject;

  async handle(event: EventEnvelope, manager: EntityManager): Promise<void> {
    const region = eventData(event, RegionCreated);
    await manager.query(
      `INSERT INTO notification.event_log (event_id, type, aggregate_id, correlation_id, occurred_at, data)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [
        event.id,
        event.type,
        region.region_id,
        event.correlation_id,
        event.occurred_at,
        JSON.stringify(event.data),
      ],
    );
  }
}
