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
  occurred_at: Date;
}

const PUBLISH_TIMEOUT_MS = 5_000;
/**
 * How long a relay's claim on a batch lasts: longer than publishing a batch takes (a publish waits
 * at most PUBLISH_TIMEOUT_MS, and the pass stops at the first that fails), and what a relay that
 * died leaves its events waiting. Were a claim to run out while its relay still publishes, the rows
 * would be published twice: JetStream drops the second by its message id (two-minute window), and
 * consumers' inboxes would anyway.
 */
const CLAIM_MS = 15_000;
const PRUNE_EVERY_MS = 10 * 60 * 1000;

/**
 * Publishes the app's outbox to JetStream. Each pass claims the oldest unsent rows for a while, in
 * one statement (`FOR UPDATE SKIP LOCKED`, so replicas take disjoint batches and never wait on each
 * other; no transaction is open while JetStream answers), publishes each with `Nats-Msg-Id` = event
 * id, and marks them sent once JetStream acknowledged them (a `duplicate` acknowledgement counts: it
 * was stored before). A relay that dies before marking them leaves its claim to expire; the next
 * pass publishes them again and JetStream drops the duplicates. Each new row's NOTIFY names it, and
 * the relay claims the rows it was told of by key; a scan for every unsent row runs at most every
 * OUTBOX_POLL_MS (and after a failure or a reconnect), for rows nobody was told of. It prunes sent
 * rows after the retention period.
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
  private lastScan = 0;
  /** The last scan found a full batch: more may wait. */
  private backlog = false;
  private streamChecked = false;
  /** Unsent events the outbox's NOTIFY named since the last pass. */
  private readonly notified = new Set<string>();

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
   * One pass: publishes up to a batch of unsent events, oldest first — those named by `ids`, or any
   * (a scan). Stops at the first event that cannot be published (later events wait for it, to keep
   * their order) and reports it.
   */
  async relayBatch(ids?: string[]): Promise<{ sent: number; failed: boolean }> {
    await this.ensureStream();
    const publish = (this.publisher ??= jetStreamPublisher(this.nats.connection, PUBLISH_TIMEOUT_MS));
    const due = ids ? 'id = ANY($3) AND' : '';
    const [claimed]: [OutboxRow[], number] = await this.dataSource.query(
      `UPDATE ${this.table} o SET claimed_until = now() + make_interval(secs => $2::float / 1000)
       FROM (SELECT id FROM ${this.table} WHERE ${due} sent_at IS NULL AND (claimed_until IS NULL OR claimed_until < now())
             ORDER BY occurred_at, id LIMIT $1 FOR UPDATE SKIP LOCKED) due
       WHERE o.id = due.id RETURNING o.id, o.subject, o.envelope, o.occurred_at`,
      [this.config.outboxBatchSize, CLAIM_MS, ...(ids ? [ids] : [])],
    );
    const rows = claimed.sort(
      (a, b) => a.occurred_at.getTime() - b.occurred_at.getTime() || a.id.localeCompare(b.id),
    );
    if (!rows.length) return { sent: 0, failed: false };
    const sent: string[] = [];
    let failure: { id: string; error: string } | null = null;
    for (const row of rows) {
      try {
        await publish(row.subject, row.id, Buffer.from(JSON.stringify(row.envelope)));
        sent.push(row.id);
      } catch (error) {
        failure = { id: row.id, error: String((error as Error).message ?? error) };
        this.streamChecked = false;
        this.logger.warn(`Could not publish ${row.id} on ${row.subject}: ${failure.error}`);
        break;
      }
    }
    // Sent rows are marked sent; the others are given back, the one that failed with its error.
    await this.dataSource.query(
      `UPDATE ${this.table} SET claimed_until = NULL,
         attempts = attempts + CASE WHEN id = ANY($1) OR id = $2 THEN 1 ELSE 0 END,
         sent_at = CASE WHEN id = ANY($1) THEN now() ELSE sent_at END,
         last_error = CASE WHEN id = $2 THEN $3 ELSE last_error END
       WHERE id = ANY($4)`,
      [sent, failure?.id ?? null, failure?.error ?? null, rows.map((row) => row.id)],
    );
    return { sent: sent.length, failed: failure !== null };
  }

  /** Creates the stream once (and again after a failed publish, in case it was removed). */
  private async ensureStream(): Promise<void> {
    if (this.streamChecked) return;
    await ensureCommerceStream(await this.nats.connection.jetstreamManager(), this.config.streamReplicas);
    this.streamChecked = true;
  }

  private async run(): Promise<void> {
    const backoff = new Backoff(this.config.startupRetryMinMs, this.config.startupRetryMaxMs);
    while (!this.stopped) {
      try {
        await this.listen();
        const { sent, failed } = await this.pass();
        if (Date.now() - this.lastPrune > PRUNE_EVERY_MS) await this.pruneSentEvents();
        if (failed) {
          this.lastScan = 0;
          await sleep(backoff.next());
          continue;
        }
        backoff.reset();
        if (sent < this.config.outboxBatchSize && !this.notified.size) {
          await this.nextWakeUp(this.config.outboxPollMs);
        }
      } catch (error) {
        if (this.stopped) break;
        this.lastScan = 0;
        this.logger.warn(`Outbox relay pass failed: ${(error as Error).message}`);
        await sleep(backoff.next());
      }
    }
  }

  /**
   * The events the NOTIFY named, or a scan for every unsent one when one is due (and again while
   * scans find full batches).
   */
  private async pass(): Promise<{ sent: number; failed: boolean }> {
    if (this.backlog || Date.now() - this.lastScan >= this.config.outboxPollMs) {
      this.lastScan = Date.now();
      this.notified.clear();
      const result = await this.relayBatch();
      this.backlog = result.sent === this.config.outboxBatchSize;
      return result;
    }
    const ids = [...this.notified].slice(0, this.config.outboxBatchSize);
    for (const id of ids) this.notified.delete(id);
    return ids.length ? this.relayBatch(ids) : Promise.resolve({ sent: 0, failed: false });
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
    client.on('notification', (message) => {
      if (message.payload) this.notified.add(message.payload);
      this.wake?.();
    });
    client.on('error', () => {
      if (this.listener === client) this.listener = undefined;
      void client.end().catch(() => undefined);
    });
    await client.connect();
    await client.query(`LISTEN ${quoteIdentifier(this.channel)}`);
    this.listener = client;
    this.lastScan = 0; // what was committed while nobody listened
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
