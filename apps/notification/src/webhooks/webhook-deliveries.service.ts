import { Injectable } from '@nestjs/common';
import { EventEnvelope } from '@app/contracts';
import { newId } from '@app/platform';
import { DataSource, EntityManager } from 'typeorm';
import { WebhookEndpointConfig } from '../config/notification-config';

/** Merchant endpoints and their pending deliveries. */
@Injectable()
export class WebhookDeliveries {
  /** A delivery of the event to every active endpoint that subscribed to it; a repeat adds none. */
  async enqueue(manager: EntityManager, event: EventEnvelope): Promise<void> {
    const endpoints: { id: string }[] = await manager.query(
      'SELECT id FROM notification.webhook_endpoint WHERE active AND $1 = ANY (events)',
      [event.type],
    );
    for (const endpoint of endpoints) {
      await manager.query(
        `INSERT INTO notification.webhook_delivery (id, endpoint_id, event_id, event_type, event)
         VALUES ($1, $2, $3, $4, $5) ON CONFLICT (endpoint_id, event_id) DO NOTHING`,
        [newId('whd'), endpoint.id, event.id, event.type, JSON.stringify(event)],
      );
    }
  }
}

/** Makes the endpoints of the configuration the active ones (by URL); others stop receiving. */
export async function upsertEndpoints(
  dataSource: DataSource,
  endpoints: WebhookEndpointConfig[],
): Promise<void> {
  await dataSource.transaction(async (manager) => {
    await manager.query('UPDATE notification.webhook_endpoint SET active = false, updated_at = now()');
    for (const endpoint of endpoints) {
      await manager.query(
        `INSERT INTO notification.webhook_endpoint (id, url, secret, channel, events) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (url) DO UPDATE SET secret = EXCLUDED.secret, channel = EXCLUDED.channel,
           events = EXCLUDED.events, active = true, updated_at = now()`,
        [newId('whe'), endpoint.url, endpoint.secret, endpoint.channel, endpoint.events],
      );
    }
  });
}
