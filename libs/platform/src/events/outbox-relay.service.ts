import { Inject, Injectable, Logger, OnModuleDestroy, Optional } from '@nestjs/common';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { Backoff, sleep } from '../bootstrap/backoff';
import { PLATFORM_CONFIG } from '../config/config.tokens';
import { PlatformConfig } from '../config/platform-config';
import { quoteIdentifier } from '../database/create-database';
import { NatsConnectionService } from '../nats/nats-connection.service';
import { ensureCommerceStream, EVENT_PUBLISHER, EventPublisher, jetStreamPublisher } from './jetstream';

interface OutboxRow {
  id: string;
  subject: string;
  envelope: unknown;
}

const PUBLISH_TIMEOUT_MS = 5_000;
const PRUNE_EVERY_MS = 10 * 60 * 1000;

/**
 * Publishes the app's outbox to JetStream. Each pass claims the oldest unsent rows with
 * `FOR UPDATE SKIP LOCKED` (so replicas take disjoint batches and never wait on each other),
 * publishes each with `Nats-Msg-Id` = event id, and marks them sent in the same transaction once
 * JetStream acknowledged them (a `duplicate` acknowledgement counts: it was stored before). A relay
 * that dies between the acknowledgement and the commit leaves the rows unsent; the next pass
 * publishes them again and JetStream drops the duplicates. It wakes on the outbox's NOTIFY, polls as
 * a fallback, and prunes sent rows after the retention period.
 */
@Injectable()
export class OutboxRelay implements OnModuleDestroy {
  private readonly logger = new Logger(OutboxRelay.name);
  private readonly table: string;
  private readonly channel: string;
  private stopped = false;
  private running?: Promise<void>;
  private listener?: Client;
  private wake?: () => void;
  private lastPrune = 0;
  private streamChecked = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly nats: NatsConnectionService,
    @Inject(PLATFORM_CONFIG) private readonly config: PlatformConfig,
    @Optional() @Inject(EVENT_PUBLISHER) private publisher?: EventPublisher,
  ) {
    this.table = `${quoteIdentifier(config.app)}.outbox`;
    this.channel = `${config.app}_outbox`;
  }

  /** Starts relaying in the background (once the database and NATS are up). */
  start(): void {
    this.running ??= this.run();
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    this.wake?.();
    await this.running;
    await this.listener?.end().catch(() => undefined);
  }

  /**
   * One pass: publishes up to a batch of unsent events, oldest first. Stops at the first event that
   * cannot be published (later events wait for it, to keep their order) and reports it.
   */
  async relayBatch(): Promise<{ sent: number; failed: boolean }> {
    await this.ensureStream();
    const publish = (this.publisher ??= jetStreamPublisher(this.nats.connection, PUBLISH_TIMEOUT_MS));
    return this.dataSource.transaction(async (manager) => {
      const rows: OutboxRow[] = await manager.query(
        `SELECT id, subject, envelope FROM ${this.table} WHERE sent_at IS NULL
         ORDER BY occurred_at, id LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [this.config.outboxBatchSize],
      );
      const sent: string[] = [];
      let failed = false;
      for (const row of rows) {
        try {
          await publish(row.subject, row.id, Buffer.from(JSON.stringify(row.envelope)));
          sent.push(row.id);
        } catch (error) {
          failed = true;
          this.streamChecked = false;
          await manager.query(
            `UPDATE ${this.table} SET attempts = attempts + 1, last_error = $2 WHERE id = $1`,
            [row.id, String((error as Error).message ?? error)],
          );
          this.logger.warn(`Could not publish ${row.id} on ${row.subject}: ${(error as Error).message}`);
          break;
        }
      }
      if (sent.length) {
        await manager.query(
          `UPDATE ${this.table} SET sent_at = now(), attempts = attempts + 1 WHERE id = ANY($1)`,
          [sent],
        );
      }
      return { sent: sent.length, failed };
    });
  }

  /** Creates the stream once (and again after a failed publish, in case it was removed). */
  private async ensureStream(): Promise<void> {
    if (this.streamChecked) return;
    await ensureCommerceStream(await this.nats.connection.jetstreamManager());
    this.streamChecked = true;
  }

  private async run(): Promise<void> {
    const backoff = new Backoff(this.config.startupRetryMinMs, this.config.startupRetryMaxMs);
    while (!this.stopped) {
      try {
        await this.listen();
        const { sent, failed } = await this.relayBatch();
        if (Date.now() - this.lastPrune > PRUNE_EVERY_MS) await this.pruneSentEvents();
        if (failed) {
          await sleep(backoff.next());
          continue;
        }
        backoff.reset();
        if (sent < this.config.outboxBatchSize) await this.nextWakeUp(this.config.outboxPollMs);
      } catch (error) {
        if (this.stopped) break;
        this.logger.warn(`Outbox relay pass failed: ${(error as Error).message}`);
        await sleep(backoff.next());
      }
    }
  }

  /** Resolves on the outbox's NOTIFY, after `ms`, or when stopping, whichever comes first. */
  private nextWakeUp(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wake = done;
    });
  }

  /** Keeps one connection LISTENing on the outbox channel; reconnects after it is lost. */
  private async listen(): Promise<void> {
    if (this.listener) return;
    const client = new Client({ connectionString: this.config.databaseUrl, connectionTimeoutMillis: 3_000 });
    client.on('notification', () => this.wake?.());
    client.on('error', () => {
      if (this.listener === client) this.listener = undefined;
      void client.end().catch(() => undefined);
    });
    await client.connect();
    await client.query(`LISTEN ${quoteIdentifier(this.channel)}`);
    this.listener = client;
  }

  /** Deletes events sent longer ago than OUTBOX_RETENTION_HOURS; unsent events always stay. */
  async pruneSentEvents(): Promise<void> {
    this.lastPrune = Date.now();
    await this.dataSource.query(
      `DELETE FROM ${this.table} WHERE sent_at < now() - make_interval(hours => $1)`,
      [this.config.outboxRetentionHours],
    );
  }
}
