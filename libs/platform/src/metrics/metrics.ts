import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { statementCounts } from '../database/statement-counter';

/**
 * The process's Prometheus metrics (`prom-client`), served at `GET /metrics` on each app's HTTP
 * port. Every series carries the `app` that recorded it (tests run several apps in one process).
 */
export const metricsRegistry = new Registry();
collectDefaultMetrics({ register: metricsRegistry });

const SECONDS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

export const httpDuration = new Histogram({
  name: 'http_request_duration_seconds',
  help: 'HTTP requests served, by route (its pattern), method and status.',
  labelNames: ['app', 'method', 'route', 'status'] as const,
  buckets: SECONDS,
  registers: [metricsRegistry],
});

export const commandDuration = new Histogram({
  name: 'command_duration_seconds',
  help: 'Commands handled over NATS, by subject and outcome (ok, or the error type).',
  labelNames: ['app', 'subject', 'outcome'] as const,
  buckets: SECONDS,
  registers: [metricsRegistry],
});

export const checkoutOutcomes = new Counter({
  name: 'checkout_outcomes_total',
  help: 'Checkouts that ended: placed (an order), failed (refused and compensated), or waiting for payment.',
  labelNames: ['app', 'outcome'] as const,
  registers: [metricsRegistry],
});

export const webhookAttempts = new Counter({
  name: 'webhook_attempts_total',
  help: 'Attempts to deliver a merchant webhook, by outcome: delivered, retry (failed, due again), dead.',
  labelNames: ['app', 'outcome'] as const,
  registers: [metricsRegistry],
});

/** SQL statements and transactions this process sent (the benchmark's cost per checkout reads them). */
let counted = { statements: 0, transactions: 0 };
const databaseTotal = (name: string, help: string, key: 'statements' | 'transactions') =>
  new Counter({
    name,
    help,
    registers: [metricsRegistry],
    collect() {
      const now = statementCounts();
      this.inc(Math.max(0, now[key] - counted[key]));
      counted = { ...counted, [key]: now[key] };
    },
  });
databaseTotal('db_statements_total', 'SQL statements sent to Postgres.', 'statements');
databaseTotal(
  'db_transactions_total',
  'Transactions (BEGIN … COMMIT blocks) opened in Postgres.',
  'transactions',
);

/** What an app that owns data reports about it when scraped: outbox backlog, dead letters, pool. */
export interface DatabaseGauges {
  app: string;
  read(): Promise<{
    unsent: number;
    oldestUnsentSeconds: number;
    deadLetters: number;
    pool: { total: number; idle: number; waiting: number };
  }>;
}

const sources = new Map<string, DatabaseGauges>();

/** Reports `source` with every scrape until `stop` is called. */
export function reportDatabase(source: DatabaseGauges): () => void {
  sources.set(source.app, source);
  return () => {
    if (sources.get(source.app) === source) sources.delete(source.app);
  };
}

type Reading = Awaited<ReturnType<DatabaseGauges['read']>>;

/** The sources as last read: once per scrape, before the gauges below are collected. */
let latest = new Map<string, Reading>();

async function readSources(): Promise<Map<string, Reading>> {
  const values = new Map<string, Reading>();
  for (const source of sources.values()) {
    try {
      values.set(source.app, await source.read());
    } catch {
      // the database is unreachable: the gauges say nothing rather than something false
    }
  }
  return values;
}

const gauge = (
  name: string,
  help: string,
  labelNames: string[],
  fill: (gauge: Gauge<string>, values: Map<string, Reading>) => void,
) =>
  new Gauge({
    name,
    help,
    labelNames,
    registers: [metricsRegistry],
    collect() {
      this.reset();
      fill(this, latest);
    },
  });

gauge(
  'outbox_unsent_events',
  'Events in the outbox not yet published to JetStream.',
  ['app'],
  (g, values) => {
    for (const [app, value] of values) g.set({ app }, value.unsent);
  },
);
gauge(
  'outbox_oldest_unsent_age_seconds',
  'Age of the oldest unpublished event (0: none).',
  ['app'],
  (g, values) => {
    for (const [app, value] of values) g.set({ app }, value.oldestUnsentSeconds);
  },
);
gauge(
  'dead_letters',
  'Events a consumer gave up on, kept in the dead-letter table.',
  ['app'],
  (g, values) => {
    for (const [app, value] of values) g.set({ app }, value.deadLetters);
  },
);
gauge('db_pool_connections', 'Connections of the Postgres pool, by state.', ['app', 'state'], (g, values) => {
  for (const [app, { pool }] of values) {
    g.set({ app, state: 'total' }, pool.total);
    g.set({ app, state: 'idle' }, pool.idle);
    g.set({ app, state: 'waiting' }, pool.waiting);
  }
});

/** An app's JetStream consumers as the server counts them: how far behind each is. */
export interface ConsumerGauges {
  app: string;
  read(): Promise<{ consumer: string; pending: number; ackPending: number; redelivered: number }[]>;
}

const consumerSources = new Map<string, ConsumerGauges>();
let latestConsumers: {
  app: string;
  consumer: string;
  pending: number;
  ackPending: number;
  redelivered: number;
}[] = [];

/** Reports an app's consumers with every scrape until `stop` is called. */
export function reportConsumers(source: ConsumerGauges): () => void {
  consumerSources.set(source.app, source);
  return () => {
    if (consumerSources.get(source.app) === source) consumerSources.delete(source.app);
  };
}

async function readConsumers() {
  const rows: typeof latestConsumers = [];
  for (const source of consumerSources.values()) {
    try {
      for (const row of await source.read()) rows.push({ app: source.app, ...row });
    } catch {
      // NATS is unreachable: the gauges say nothing rather than something false
    }
  }
  return rows;
}

const consumerGauge = (name: string, help: string, pick: (row: (typeof latestConsumers)[number]) => number) =>
  new Gauge({
    name,
    help,
    labelNames: ['app', 'consumer'],
    registers: [metricsRegistry],
    collect() {
      this.reset();
      for (const row of latestConsumers) this.set({ app: row.app, consumer: row.consumer }, pick(row));
    },
  });
consumerGauge(
  'jetstream_consumer_pending',
  'Events of the stream the consumer has not been given yet (its lag).',
  (row) => row.pending,
);
consumerGauge(
  'jetstream_consumer_ack_pending',
  'Events given to the consumer and not yet acknowledged.',
  (row) => row.ackPending,
);
consumerGauge(
  'jetstream_consumer_redelivered',
  'Events being delivered again (not acknowledged in time).',
  (row) => row.redelivered,
);

/** The metrics in Prometheus' text format (databases and consumers read once for this scrape). */
export async function renderMetrics(): Promise<string> {
  [latest, latestConsumers] = await Promise.all([readSources(), readConsumers()]);
  return metricsRegistry.metrics();
}
