import { Inject, Injectable, Logger } from '@nestjs/common';
import { EventEnvelope } from '@app/contracts';
import { assertNoTransaction, PeriodicWork, postGuarded, webhookAttempts } from '@app/platform';
import { performance } from 'node:perf_hooks';
import { DataSource } from 'typeorm';
import { NotificationConfig } from '../config/notification-config';
import { NOTIFICATION_CONFIG } from '../config/notification-config.token';
import { accepted, feishuRequest, webhookRequest } from './webhook-payloads';

interface DueDelivery {
  id: string;
  event: EventEnvelope;
  attempts: number;
  url: string;
  secret: string;
  channel: 'webhook' | 'feishu';
}

const BATCH = 20;

/**
 * Sends due deliveries: claimed in one statement (`FOR UPDATE SKIP LOCKED`, so replicas take disjoint
 * ones) by moving their next attempt past the time a send can take — no transaction is open while
 * an endpoint is called; a dispatcher that dies mid-send leaves the delivery due again —, signed
 * anew for each attempt, every attempt logged with its status and latency; a failure is retried
 * after the next backoff step, and a delivery that used them all is dead. Endpoints on private
 * addresses are refused unless `ALLOW_PRIVATE_CALLBACKS` allows them.
 */
@Injectable()
export class WebhookDispatcher extends PeriodicWork {
  private readonly logger = new Logger(WebhookDispatcher.name);

  constructor(
    private readonly dataSource: DataSource,
    @Inject(NOTIFICATION_CONFIG) private readonly config: NotificationConfig,
  ) {
    super();
    this.runEvery(WebhookDispatcher.name, config.webhookPollMs, () => this.tick());
  }

  /** One pass over due deliveries. */
  async tick(): Promise<void> {
    while ((await this.sendBatch()) === BATCH);
  }

  private async sendBatch(): Promise<number> {
    const [due]: [DueDelivery[], number] = await this.dataSource.query(
      `UPDATE notification.webhook_delivery d SET next_attempt_at = now() + make_interval(secs => $1::float / 1000)
       FROM (SELECT id FROM notification.webhook_delivery WHERE status = 'pending' AND next_attempt_at <= now()
             ORDER BY next_attempt_at LIMIT ${BATCH} FOR UPDATE SKIP LOCKED) claimed,
            notification.webhook_endpoint e
       WHERE d.id = claimed.id AND e.id = d.endpoint_id
       RETURNING d.id, d.event, d.attempts, e.url, e.secret, e.channel`,
      [2 * this.config.webhookTimeoutMs + 30_000],
    );
    for (const delivery of due) await this.send(delivery);
    return due.length;
  }

  private async send(delivery: DueDelivery): Promise<void> {
    assertNoTransaction('A webhook delivery');
    const attempt = delivery.attempts + 1;
    const started = performance.now();
    let status: number | null = null;
    let error: string | null = null;
    try {
      const signed =
        delivery.channel === 'feishu'
          ? feishuRequest(delivery.event, delivery.secret, new Date())
          : webhookRequest(delivery.event, delivery.secret, new Date());
      // Only to a public address unless allowed, connecting to the very address checked.
      const answer = await postGuarded(delivery.url, {
        headers: signed.headers,
        body: signed.body,
        timeoutMs: this.config.webhookTimeoutMs,
        allowPrivate: this.config.allowPrivateCallbacks,
      });
      status = answer.status;
      if (!accepted(delivery.channel, status, answer.text))
        error = `answered ${status}: ${answer.text.slice(0, 200)}`;
    } catch (caught) {
      error = (caught as Error).message;
    }
    const latency = Math.round(performance.now() - started);
    await this.record(delivery, attempt, { status, error, latency });
  }

  /**
   * Logs the attempt and moves the delivery on — delivered, due again after the next backoff step,
   * or dead — in one statement (nothing is held while the endpoint answers).
   */
  private async record(
    delivery: DueDelivery,
    attempt: number,
    { status, error, latency }: { status: number | null; error: string | null; latency: number },
  ): Promise<void> {
    const delay = error ? this.config.webhookBackoffMs[attempt - 1] : undefined;
    await this.dataSource.query(
      `WITH logged AS (
         INSERT INTO notification.webhook_attempt (delivery_id, attempt, status_code, latency_ms, error)
         VALUES ($1, $2, $3, $4, $5))
       UPDATE notification.webhook_delivery SET attempts = $2, last_status = $3, last_error = $5,
         status = CASE WHEN $5::text IS NULL THEN 'delivered' WHEN $6::int IS NULL THEN 'dead' ELSE 'pending' END,
         delivered_at = CASE WHEN $5::text IS NULL THEN now() ELSE delivered_at END,
         next_attempt_at = CASE WHEN $5::text IS NULL THEN next_attempt_at
                                ELSE now() + make_interval(secs => coalesce($6::int, 0) / 1000.0) END
       WHERE id = $1`,
      [delivery.id, attempt, status, latency, error, delay ?? null],
    );
    const outcome = !error ? 'delivered' : delay === undefined ? 'dead' : 'retry';
    webhookAttempts.inc({ app: 'notification', outcome });
    if (outcome === 'dead')
      this.logger.warn(`Webhook delivery ${delivery.id} to ${delivery.url} is dead: ${error}`);
  }
}
