import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { COMMERCE_STREAM, EventEnvelope } from '@app/contracts/common/events';
import { endSpan, extractTraceContext, SpanKind, startSpan, withActiveSpan } from '../tracing/tracing';
import { AckPolicy, ConsumerConfig, ConsumerMessages, DeliverPolicy, JsMsg, nanos } from 'nats';
import { DataSource } from 'typeorm';
import { Backoff, sleep } from '../bootstrap/backoff';
import { PLATFORM_CONFIG } from '../config/config.tokens';
import { reportConsumers } from '../metrics/metrics';
import { PlatformConfig } from '../config/platform-config';
import { quoteIdentifier } from '../database/create-database';
import { InFlightTracker } from '../nats/in-flight';
import { NatsConnectionService } from '../nats/nats-connection.service';
import {
  EventSubscription,
  isEventSubscriber,
  MalformedEventError,
  parseEnvelope,
  StatementSubscription,
  TransactionalSubscription,
} from './event-subscription';
import { ensureCommerceStream } from './jetstream';

const MAX_MESSAGES_IN_FLIGHT = 64;

/**
 * Runs the app's event subscriptions: one durable pull consumer each on the COMMERCE stream, explicit
 * acknowledgement only after the handler's transaction (or its single statement) — which also writes
 * the inbox row (consumer, event id) — committed, so each event takes effect once even when JetStream delivers it again.
 * Failures are retried with backoff up to the delivery limit; a malformed event, or one that keeps
 * failing, is recorded as a dead letter and terminated, and the events after it still flow.
 */
@Injectable()
export class EventConsumers implements OnModuleDestroy {
  private readonly logger = new Logger(EventConsumers.name);
  private readonly schema: string;
  private readonly inFlight = new InFlightTracker();
  private readonly active = new Set<ConsumerMessages>();
  private readonly loops: Promise<void>[] = [];
  private stopped = false;
  private stopReporting?: () => void;

  constructor(
    private readonly dataSource: DataSource,
    private readonly nats: NatsConnectionService,
    @Inject(PLATFORM_CONFIG) private readonly config: PlatformConfig,
    private readonly discovery: DiscoveryService,
  ) {
    this.schema = quoteIdentifier(config.app);
  }

  /** The app's providers marked @EventSubscriber(). */
  subscriptions(): EventSubscription[] {
    return this.discovery
      .getProviders()
      .filter((wrapper) => wrapper.metatype && isEventSubscriber(wrapper.metatype) && wrapper.instance)
      .map((wrapper) => wrapper.instance as EventSubscription);
  }

  /** Creates the stream and the durable consumers if missing, then consumes in the background. */
  async start(): Promise<void> {
    const subscriptions = this.subscriptions();
    if (!subscriptions.length || this.loops.length) return;
    const jsm = await this.nats.connection.jetstreamManager();
    await ensureCommerceStream(jsm, this.config.streamReplicas);
    for (const subscription of subscriptions) {
      try {
        await jsm.consumers.info(COMMERCE_STREAM.name, subscription.consumer);
      } catch {
        await jsm.consumers.add(COMMERCE_STREAM.name, consumerConfig(subscription, this.config));
      }
      this.loops.push(this.consume(subscription));
    }
    this.stopReporting = reportConsumers({
      app: this.config.app,
      read: () =>
        Promise.all(
          subscriptions.map(async ({ consumer }) => {
            const info = await jsm.consumers.info(COMMERCE_STREAM.name, consumer);
            return {
              consumer,
              pending: info.num_pending,
              ackPending: info.num_ack_pending,
              redelivered: info.num_redelivered,
            };
          }),
        ),
    });
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    this.stopReporting?.();
    for (const messages of this.active) messages.stop();
    await this.inFlight.whenIdle(this.config.natsGracePeriodMs);
    await Promise.all(this.loops);
  }

  private async consume(subscription: EventSubscription): Promise<void> {
    const backoff = new Backoff(this.config.startupRetryMinMs, this.config.startupRetryMaxMs);
    while (!this.stopped) {
      try {
        const consumer = await this.nats.connection
          .jetstream()
          .consumers.get(COMMERCE_STREAM.name, subscription.consumer);
        const messages = await consumer.consume({ max_messages: MAX_MESSAGES_IN_FLIGHT });
        this.active.add(messages);
        try {
          for await (const message of messages) {
            await this.process(subscription, message);
            backoff.reset();
          }
        } finally {
          this.active.delete(messages);
        }
      } catch (error) {
        if (this.stopped) break;
        this.logger.warn(
          `${subscription.consumer}: consuming failed (${(error as Error).message}); retrying`,
        );
        await sleep(backoff.next());
      }
    }
  }

  /** Handles one delivery: effect + inbox in one transaction (or one statement), then ack; or nak, or dead letter. */
  private async process(subscription: EventSubscription, message: JsMsg): Promise<void> {
    const done = this.inFlight.begin();
    try {
      const event = parseEnvelope(message.data);
      if (subscription.concerns && !subscription.concerns(event)) {
        message.ack();
        return;
      }
      // The event continues the trace of the request that caused it.
      const span = startSpan(
        `${message.subject} process`,
        SpanKind.CONSUMER,
        {
          'messaging.system': 'nats',
          'messaging.destination.name': message.subject,
          'messaging.consumer.group.name': subscription.consumer,
          'checkout.app': this.config.app,
        },
        extractTraceContext((key) => (key === 'traceparent' ? event.traceparent : undefined)),
      );
      try {
        await withActiveSpan(span, () =>
          'statement' in subscription
            ? this.applyStatement(subscription, event)
            : this.applyInTransaction(subscription, event),
        );
        endSpan(span);
      } catch (error) {
        endSpan(span, error);
        throw error;
      }
      message.ack();
    } catch (error) {
      await this.fail(subscription, message, error);
    } finally {
      done();
    }
  }

  private async applyInTransaction(
    subscription: TransactionalSubscription,
    event: EventEnvelope,
  ): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const fresh = await manager.query(
        `INSERT INTO ${this.schema}.inbox (consumer, event_id) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING event_id`,
        [subscription.consumer, event.id],
      );
      if (fresh.length) await subscription.handle(event, manager);
    });
  }

  private async applyStatement(subscription: StatementSubscription, event: EventEnvelope): Promise<void> {
    const effect = subscription.statement(event);
    const ctes = (effect.ctes ?? []).map((cte) => `, ${cte}`).join('');
    const rows: unknown[] = await this.dataSource.query(
      `WITH fresh AS (INSERT INTO ${this.schema}.inbox (consumer, event_id) VALUES ($1, $2)
         ON CONFLICT DO NOTHING RETURNING event_id)${ctes}
       ${effect.sql}`,
      [subscription.consumer, event.id, ...effect.values],
    );
    if (rows.length) subscription.afterEffect?.(rows, event);
  }

  private async fail(subscription: EventSubscription, message: JsMsg, error: unknown): Promise<void> {
    const attempts = message.info.deliveryCount;
    const reason = (error as Error).message ?? String(error);
    if (error instanceof MalformedEventError || attempts >= this.config.consumerMaxDeliver) {
      const why =
        error instanceof MalformedEventError ? `malformed: ${reason}` : `failed ${attempts} times: ${reason}`;
      try {
        await this.recordDeadLetter(subscription, message, why);
        message.term();
        this.logger.error(`${subscription.consumer}: dead-lettered stream message ${message.seq} (${why})`);
      } catch (recordError) {
        this.logger.error(
          `${subscription.consumer}: could not record a dead letter: ${(recordError as Error).message}`,
        );
        message.nak(this.delayAfter(attempts));
      }
      return;
    }
    this.logger.warn(`${subscription.consumer}: attempt ${attempts} failed (${reason}); retrying`);
    message.nak(this.delayAfter(attempts));
  }

  private delayAfter(attempts: number): number {
    const delays = this.config.consumerBackoffMs;
    return delays[Math.min(attempts, delays.length) - 1] ?? delays[delays.length - 1];
  }

  private async recordDeadLetter(
    subscription: EventSubscription,
    message: JsMsg,
    reason: string,
  ): Promise<void> {
    let eventId: string | null = null;
    try {
      eventId = parseEnvelope(message.data).id;
    } catch {
      eventId = null;
    }
    await this.dataSource.query(
      `INSERT INTO ${this.schema}.dead_letter (consumer, subject, stream_sequence, event_id, reason, payload)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [
        subscription.consumer,
        message.subject,
        message.seq,
        eventId,
        reason,
        Buffer.from(message.data).toString('utf8'),
      ],
    );
  }
}

/** The durable pull consumer of a subscription: explicit acks, bounded redelivery, its start point. */
export function consumerConfig(
  subscription: Pick<EventSubscription, 'consumer' | 'subject' | 'startAt'>,
  config: Pick<PlatformConfig, 'consumerAckWaitMs' | 'consumerMaxDeliver'>,
): Partial<ConsumerConfig> {
  return {
    durable_name: subscription.consumer,
    filter_subject: subscription.subject,
    ack_policy: AckPolicy.Explicit,
    deliver_policy: subscription.startAt === 'new' ? DeliverPolicy.New : DeliverPolicy.All,
    ack_wait: nanos(config.consumerAckWaitMs),
    max_deliver: config.consumerMaxDeliver,
  };
}
