import { Inject, Injectable } from '@nestjs/common';
import { EventEnvelope } from '@app/contracts';
import { EffectStatement, newId } from '@app/platform';
import { DataSource } from 'typeorm';
import { NotificationConfig, WebhookEndpointConfig } from '../config/notification-config';
import { NOTIFICATION_CONFIG } from '../config/notification-config.token';

/** Merchant endpoints and their pending deliveries. */
@Injectable()
export class WebhookDeliveries {
  constructor(@Inject(NOTIFICATION_CONFIG) private readonly config: NotificationConfig) {}

  /**
   * A delivery of a new event to every configured endpoint that subscribed to it (the configured
   * endpoints are the active ones), as the effect of the statement that records the event as seen;
   * a repeat adds none.
   */
  enqueue(event: EventEnvelope): EffectStatement {
    const urls = this.config.webhooks
      .filter((endpoint) => (endpoint.events as string[]).includes(event.type))
      .map((endpoint) => endpoint.url);
    if (!urls.length) return { sql: 'SELECT event_id FROM fresh', values: [] };
    return {
      sql: `INSERT INTO notification.webhook_delivery (id, endpoint_id, event_id, event_type, event)
            SELECT wanted.id, e.id, fresh.event_id, $5, $6
            FROM fresh, unnest($3::text[], $4::text[]) AS wanted (id, url)
            JOIN notification.webhook_endpoint e ON e.url = wanted.url AND e.active
            ON CONFLICT (endpoint_id, event_id) DO NOTHING`,
      values: [urls.map(() => newId('whd')), urls, event.type, JSON.stringify(event)],
    };
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
