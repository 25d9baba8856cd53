import { Injectable, Module } from '@nestjs/common';
import { CatalogEvents, COMMERCE_STREAM, EventEnvelope, RegionCreated } from '@app/contracts';
import {
  dataSourceOptions,
  EventPublisher,
  EffectStatement,
  EventSubscriber,
  jetStreamPublisher,
  loadPlatformConfig,
  NatsConnectionService,
  Outbox,
  OutboxRelay,
  PlatformConfig,
  PlatformModule,
  startApp,
  StatementSubscription,
  TransactionalSubscription,
} from '@app/platform';
import { connect, NatsConnection } from 'nats';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { TestNatsServer } from '../../../test/support/nats-server';
import { createTestEnvironment, eventually, TestEnvironment } from '../../../test/support/test-environment';

type Env = Record<string, string | undefined>;

function regionCreated(id: string, overrides: Partial<RegionCreated> = {}): RegionCreated {
  return {
    region_id: id,
    name: `Region ${id}`,
    currency_code: 'usd',
    tax_rate: 0,
    countries: [],
    ...overrides,
  };
}

/** The catalog's outbox, written from outside the app as a business transaction would. */
class CatalogOutbox {
  readonly config: PlatformConfig;
  readonly dataSource: DataSource;
  readonly nats: NatsConnectionService;
  private readonly outbox: Outbox;

  constructor(env: Env) {
    this.config = loadPlatformConfig('catalog', env);
    this.dataSource = new DataSource(dataSourceOptions(this.config, { entities: [], migrations: [] }));
    this.nats = new NatsConnectionService(this.config);
    this.outbox = new Outbox(this.config);
  }

  async open(): Promise<void> {
    await this.dataSource.initialize();
    await this.nats.start();
  }

  async close(): Promise<void> {
    await this.nats.onApplicationShutdown();
    await this.dataSource.destroy();
  }

  /** Records `count` region-created events in one transaction; returns their ids. */
  async record(count: number, prefix: string): Promise<string[]> {
    return this.dataSource.transaction(async (manager) => {
      const ids: string[] = [];
      for (let i = 0; i < count; i += 1) {
        const event = await this.outbox.record(
          manager,
          CatalogEvents.regionCreated,
          { id: `${prefix}_${i}` },
          regionCreated(`${prefix}_${i}`),
        );
        ids.push(event.id);
      }
      return ids;
    });
  }

  relay(publisher: EventPublisher): OutboxRelay {
    return new OutboxRelay(this.dataSource, this.nats, this.config, publisher);
  }

  async unsent(ids: string[]): Promise<number> {
    const [row] = await this.dataSource.query(
      'SELECT count(*)::int AS n FROM catalog.outbox WHERE id = ANY($1) AND sent_at IS NULL',
      [ids],
    );
    return row.n;
  }
}

/** How many times the notification app recorded each of these events. */
async function recordedTimes(db: Client, eventIds: string[]): Promise<Map<string, number>> {
  const { rows } = await db.query(
    'SELECT event_id, count(*)::int AS n FROM notification.event_log WHERE event_id = ANY($1) GROUP BY event_id',
    [eventIds],
  );
  return new Map(rows.map((row: { event_id: string; n: number }) => [row.event_id, row.n]));
}

async function allRecordedOnce(db: Client, eventIds: string[]): Promise<boolean> {
  const times = await recordedTimes(db, eventIds);
  return times.size === eventIds.length && [...times.values()].every((n) => n === 1);
}

describe('event bus: outbox, relay, JetStream, consumers, inbox', () => {
  let env: TestEnvironment;
  let db: Client;
  let nc: NatsConnection;
  let outbox: CatalogOutbox;

  beforeAll(async () => {
    env = await createTestEnvironment({ apps: ['catalog', 'notification'], freshDatabase: true });
    await env.stop('catalog'); // the tests below drive the catalog's outbox and relays themselves
    db = new Client({ connectionString: env.env.DATABASE_URL });
    await db.connect();
    nc = await connect({ servers: env.env.NATS_URL });
    outbox = new CatalogOutbox(env.env);
    await outbox.open();
  });
  afterAll(async () => {
    await outbox.close();
    await nc.close();
    await db.end();
    await env.close();
  });

  it('a duplicate publish of one event id has one effect (JetStream dedup, and the inbox beyond it)', async () => {
    const envelope: EventEnvelope<RegionCreated> = {
      id: 'evt_duplicate_1',
      type: CatalogEvents.regionCreated.type,
      occurred_at: new Date().toISOString(),
      aggregate_id: 'reg_dup',
      aggregate_version: 1,
      correlation_id: null,
      data: regionCreated('reg_dup'),
    };
    const publish = jetStreamPublisher(nc, 5_000);
    const payload = Buffer.from(JSON.stringify(envelope));
    expect(await publish(CatalogEvents.regionCreated.subject, envelope.id, payload)).toEqual({
      duplicate: false,
    });
    expect(await publish(CatalogEvents.regionCreated.subject, envelope.id, payload)).toEqual({
      duplicate: true,
    });
    // Past the duplicate window JetStream would store it again: only the inbox stands in the way.
    await nc.jetstream().publish(CatalogEvents.regionCreated.subject, payload);
    await eventually(async () => (await recordedTimes(db, [envelope.id])).size === 1, 10_000, 'recorded');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect((await recordedTimes(db, [envelope.id])).get(envelope.id)).toBe(1);
  });

  it('a relay killed between the PubAck and marking the row sent causes no second effect', async () => {
    const [id] = await outbox.record(1, 'reg_killed');
    const real = jetStreamPublisher(nc, 5_000);
    const dying = outbox.relay(async (subject, eventId, payload) => {
      await real(subject, eventId, payload);
      throw new Error('relay process killed after the PubAck');
    });
    expect((await dying.relayBatch()).failed).toBe(true);
    expect(await outbox.unsent([id])).toBe(1);

    const acks: boolean[] = [];
    const healthy = outbox.relay(async (subject, eventId, payload) => {
      const ack = await real(subject, eventId, payload);
      if (eventId === id) acks.push(ack.duplicate);
      return ack;
    });
    await healthy.relayBatch();
    expect(acks).toEqual([true]); // JetStream already had it
    expect(await outbox.unsent([id])).toBe(0);
    await eventually(() => allRecordedOnce(db, [id]), 10_000, 'recorded once');
  });

  it('two relays at once send each event once, and neither waits for the other', async () => {
    const ids = await outbox.record(200, 'reg_pair');
    const published: string[] = [];
    const real = jetStreamPublisher(nc, 5_000);
    const counting: EventPublisher = async (subject, eventId, payload) => {
      published.push(eventId);
      return real(subject, eventId, payload);
    };
    const drain = async (relay: OutboxRelay) => {
      while ((await outbox.unsent(ids)) > 0) await relay.relayBatch();
    };
    await Promise.all([drain(outbox.relay(counting)), drain(outbox.relay(counting))]);
    const mine = published.filter((eventId) => ids.includes(eventId));
    expect(mine).toHaveLength(200);
    expect(new Set(mine).size).toBe(200);
    await eventually(() => allRecordedOnce(db, ids), 20_000, 'all recorded once');
  });

  it('keeps sent events for the retention period only, and unsent ones always', async () => {
    const [sentId, unsentId] = await outbox.record(2, 'reg_retention');
    await outbox.dataSource.query(
      "UPDATE catalog.outbox SET sent_at = now() - interval '2 hours' WHERE id = $1",
      [sentId],
    );
    const relay = new OutboxRelay(outbox.dataSource, outbox.nats, {
      ...outbox.config,
      outboxRetentionHours: 1,
    });
    await relay.pruneSentEvents();
    const left = await outbox.dataSource.query('SELECT id FROM catalog.outbox WHERE id = ANY($1)', [
      [sentId, unsentId],
    ]);
    expect(left).toEqual([{ id: unsentId }]);
  });

  it('a malformed event is dead-lettered and later events still flow', async () => {
    const js = nc.jetstream();
    await js.publish(CatalogEvents.regionCreated.subject, Buffer.from('not json at all'));
    const badData = {
      id: 'evt_bad_data',
      type: 'catalog.region-created',
      occurred_at: new Date().toISOString(),
      aggregate_id: 'x',
      aggregate_version: 1,
      correlation_id: null,
      data: { name: 42 },
    };
    await js.publish(CatalogEvents.regionCreated.subject, Buffer.from(JSON.stringify(badData)));
    const [good] = await outbox.record(1, 'reg_after_poison');
    await outbox.relay(jetStreamPublisher(nc, 5_000)).relayBatch();

    await eventually(() => allRecordedOnce(db, [good]), 10_000, 'the later event recorded');
    const { rows } = await db.query(
      "SELECT event_id, reason FROM notification.dead_letter WHERE consumer = 'notification-region-created' ORDER BY id",
    );
    expect(rows).toEqual([
      { event_id: null, reason: expect.stringContaining('malformed: the message is not JSON') },
      { event_id: 'evt_bad_data', reason: expect.stringContaining('malformed: region_id must be a string') },
    ]);
    const info = await (
      await nc.jetstreamManager()
    ).consumers.info(COMMERCE_STREAM.name, 'notification-region-created');
    await eventually(
      async () => {
        const now = await (
          await nc.jetstreamManager()
        ).consumers.info(COMMERCE_STREAM.name, 'notification-region-created');
        return now.num_pending === 0 && now.num_ack_pending === 0;
      },
      10_000,
      'consumer caught up',
    );
    expect(info.config.max_deliver).toBe(3);
  });
});

describe('event bus: the relay wakes on NOTIFY', () => {
  it('publishes a committed event at once, long before its polling fallback', async () => {
    const env = await createTestEnvironment({
      apps: ['catalog'],
      freshDatabase: true,
      env: { OUTBOX_POLL_MS: '60000' },
    });
    const outbox = new CatalogOutbox(env.env);
    try {
      await outbox.open();
      await new Promise((resolve) => setTimeout(resolve, 300)); // the relay is now waiting for a wake-up
      const ids = await outbox.record(1, 'reg_notify');
      const started = Date.now();
      await eventually(async () => (await outbox.unsent(ids)) === 0, 5_000, 'published');
      expect(Date.now() - started).toBeLessThan(2_000);
    } finally {
      await outbox.close();
      await env.close();
    }
  });
});

describe('event bus: NATS restarted mid-stream', () => {
  it('loses nothing: every event is published and recorded exactly once', async () => {
    const nats = await TestNatsServer.start();
    const env = await createTestEnvironment({
      apps: ['catalog', 'notification'],
      freshDatabase: true,
      env: { NATS_URL: nats.url },
    });
    const outbox = new CatalogOutbox(env.env);
    const db = new Client({ connectionString: env.env.DATABASE_URL });
    try {
      await db.connect();
      await outbox.open();
      const first = await outbox.record(50, 'reg_before');
      await nats.stop();
      const during = await outbox.record(50, 'reg_during');
      await new Promise((resolve) => setTimeout(resolve, 300));
      await nats.restart();
      const after = await outbox.record(50, 'reg_after');
      const all = [...first, ...during, ...after];
      await eventually(async () => (await outbox.unsent(all)) === 0, 30_000, 'all published');
      await eventually(() => allRecordedOnce(db, all), 30_000, 'all recorded once');
    } finally {
      await outbox.close();
      await db.end();
      await env.close();
      await nats.destroy();
    }
  });
});

const attempts: string[] = [];

/** A subscription that fails its first two attempts at every event, then succeeds. */
@Injectable()
@EventSubscriber()
class FlakySubscription implements TransactionalSubscription {
  readonly consumer = 'payment-test-flaky';
  readonly subject = 'events.test.flaky';

  async handle(event: EventEnvelope): Promise<void> {
    attempts.push(event.id);
    const tries = attempts.filter((id) => id === event.id).length;
    const data = event.data as { failures: number };
    if (tries <= data.failures) throw new Error(`attempt ${tries} fails on purpose`);
  }
}

const statementTries: string[] = [];
const statementEffects: string[] = [];

/**
 * A subscription whose effect is one statement with the inbox row; its statement fails in SQL (a
 * bad cast) on its first `failures` tries.
 */
@Injectable()
@EventSubscriber()
class StatementEffect implements StatementSubscription {
  readonly consumer = 'payment-test-statement';
  readonly subject = 'events.test.statement';

  /** Events marked with a negative count are not its business. */
  concerns(event: EventEnvelope): boolean {
    return (event.data as { failures: number }).failures >= 0;
  }

  statement(event: EventEnvelope): EffectStatement {
    statementTries.push(event.id);
    const tries = statementTries.filter((id) => id === event.id).length;
    const data = event.data as { failures: number };
    return {
      sql: 'INSERT INTO payment.statement_effect (event_id, n) SELECT event_id, $3::int FROM fresh RETURNING event_id',
      values: [tries <= data.failures ? 'not a number' : String(tries)],
    };
  }

  afterEffect(rows: { event_id: string }[]): void {
    statementEffects.push(...rows.map((row) => row.event_id));
  }
}

@Module({ providers: [FlakySubscription, StatementEffect] })
class FlakyModule {}

describe('event bus: failing handlers', () => {
  it('retries with backoff until the handler succeeds, dead-letters an event that keeps failing, applies a statement effect once, and lets events of no concern by', async () => {
    const env = await createTestEnvironment({ apps: [], freshDatabase: true });
    const app = await startApp({
      module: class FlakyApp {},
      imports: [
        PlatformModule.forApp({
          app: 'payment',
          servesCommands: false,
          env: { ...env.env, PAYMENT_PORT: '0' },
          database: { entities: [], migrations: [] },
        }),
        FlakyModule,
      ],
    });
    const nc = await connect({ servers: env.env.NATS_URL });
    const db = new Client({ connectionString: env.env.DATABASE_URL });
    try {
      await app.ready;
      await db.connect();
      const envelope = (id: string, failures: number) =>
        Buffer.from(
          JSON.stringify({
            id,
            type: 'test.flaky',
            occurred_at: new Date().toISOString(),
            aggregate_id: id,
            aggregate_version: 1,
            correlation_id: null,
            data: { failures },
          }),
        );
      await db.query('CREATE TABLE payment.statement_effect (event_id text NOT NULL, n int NOT NULL)');
      await nc.jetstream().publish('events.test.flaky', envelope('evt_flaky_ok', 2));
      // Not its business: acknowledged without a statement or an inbox row.
      await nc.jetstream().publish('events.test.statement', envelope('evt_statement_other', -1));
      // Delivered three times (the stream does not drop the copies: no message id), failing twice first.
      for (let copy = 0; copy < 3; copy += 1)
        await nc.jetstream().publish('events.test.statement', envelope('evt_statement', 1));
      await nc.jetstream().publish('events.test.flaky', envelope('evt_flaky_never', 99));
      await eventually(
        async () => {
          const { rows } = await db.query(
            "SELECT event_id FROM payment.dead_letter WHERE consumer = 'payment-test-flaky'",
          );
          return rows.length === 1;
        },
        15_000,
        'dead letter',
      );
      expect(attempts.filter((id) => id === 'evt_flaky_ok')).toHaveLength(3);
      expect(attempts.filter((id) => id === 'evt_flaky_never')).toHaveLength(3);
      const inbox = await db.query(
        "SELECT event_id FROM payment.inbox WHERE consumer = 'payment-test-flaky'",
      );
      expect(inbox.rows).toEqual([{ event_id: 'evt_flaky_ok' }]);
      const dead = await db.query(
        "SELECT event_id, reason FROM payment.dead_letter WHERE consumer = 'payment-test-flaky'",
      );
      expect(dead.rows).toEqual([
        { event_id: 'evt_flaky_never', reason: 'failed 3 times: attempt 3 fails on purpose' },
      ]);
      // The statement's effect and its inbox row are one: the failed try left neither, the copies
      // after the success add nothing and do not run the after-effect again.
      await eventually(async () => statementTries.length === 4, 10_000, 'every copy handled');
      const effects = await db.query('SELECT event_id, n FROM payment.statement_effect');
      expect(effects.rows).toEqual([{ event_id: 'evt_statement', n: 2 }]);
      expect(statementEffects).toEqual(['evt_statement']);
      expect(statementTries).not.toContain('evt_statement_other');
      const seen = await db.query(
        "SELECT event_id FROM payment.inbox WHERE consumer = 'payment-test-statement'",
      );
      expect(seen.rows).toEqual([{ event_id: 'evt_statement' }]);
    } finally {
      await nc.close();
      await db.end();
      await app.close();
      await env.close();
    }
  });
});
