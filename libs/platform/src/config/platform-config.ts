import { AppName, DEFAULT_HTTP_PORTS, portVariable } from './app-name';
import { EnvReader } from './env-reader';

/** Settings every app shares, read once from the environment at start. */
export interface PlatformConfig {
  app: AppName;
  nodeEnv: 'development' | 'production' | 'test';
  /**
   * Run the schema's migrations at start (`MIGRATE_ON_START`; on outside production). Off, the app
   * waits until they were run (`node dist/apps/<app>/src/main.js --migrate`, a Job before rollout).
   */
  migrateOnStart: boolean;
  /** Copies of the event stream across a NATS cluster (`STREAM_REPLICAS`: 1, 3 in production). */
  streamReplicas: number;
  /** Seed the demo store into empty tables (`DEMO_DATA`; on outside production, off in it). */
  demoData: boolean;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  host: string;
  httpPort: number;
  natsUrl: string[];
  /**
   * This app's NATS user (`NATS_USER`, the app's name by default) and password (`NATS_PASSWORD`,
   * required in production): the server's authorization gives each app's user its own subjects.
   */
  natsUser: string;
  natsPassword?: string;
  /** TLS to NATS: the CA to trust, and a client certificate and key if the server asks for one. */
  natsTls?: { caFile: string; certFile?: string; keyFile?: string };
  /** How long a stopping app waits for in-flight commands before it closes NATS. */
  natsGracePeriodMs: number;
  databaseUrl: string;
  databasePoolSize: number;
  /** Gateway → app command budget. */
  commandTimeoutMs: number;
  /** Budget of a cart completion, which calls providers. */
  completeTimeoutMs: number;
  /** App → payment provider budget. */
  providerTimeoutMs: number;
  /** Backoff between attempts to reach Postgres at start: from min, doubling, up to max. */
  startupRetryMinMs: number;
  startupRetryMaxMs: number;
  /** Origins allowed to call the store API from a browser (`STORE_CORS`, comma separated). */
  storeCors: string[];
  /** Outbox relay: polling fallback when no NOTIFY arrives, batch size, how long sent rows stay. */
  outboxPollMs: number;
  outboxBatchSize: number;
  outboxRetentionHours: number;
  /** Event consumers: redelivery of an unacknowledged event, attempts, delays between attempts. */
  consumerAckWaitMs: number;
  consumerMaxDeliver: number;
  consumerBackoffMs: number[];
  /** Idempotency keys: age after which an in-flight key is taken over, and how long keys live. */
  idempotencyLockMs: number;
  idempotencyRetentionHours: number;
}

export const DEFAULT_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/commerce';
export const DEFAULT_NATS_URL = 'nats://127.0.0.1:4222';

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

/**
 * Runs every loader of an app's configuration (the platform's and the app's own) and throws one
 * ConfigError naming the bad variables of all of them, so a deployment is fixed in one go.
 */
export function checkConfiguration(...loaders: Array<() => unknown>): void {
  const problems: string[] = [];
  for (const load of loaders) {
    try {
      load();
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      problems.push(...error.problems);
    }
  }
  if (problems.length) throw new ConfigError([...new Set(problems)]);
}

/** Reads and validates the environment of `app`; throws one ConfigError naming every bad variable. */
export function loadPlatformConfig(app: AppName, env: Env = process.env): PlatformConfig {
  const problems: string[] = [];
  const read = new EnvReader(env, problems);
  const config: PlatformConfig = {
    app,
    nodeEnv: read.oneOf('NODE_ENV', ['development', 'production', 'test'] as const, 'development'),
    demoData: false,
    streamReplicas: 1,
    migrateOnStart: true,
    logLevel: read.oneOf(
      'LOG_LEVEL',
      ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const,
      'info',
    ),
    host: read.text('HOST', '0.0.0.0'),
    httpPort: read.integer(portVariable(app), DEFAULT_HTTP_PORTS[app], 0, 65535),
    natsUrl: read.urls('NATS_URL', DEFAULT_NATS_URL, ['nats:', 'tls:', 'ws:', 'wss:']),
    natsUser: read.text('NATS_USER', app),
    natsPassword: read.secret('NATS_PASSWORD'),
    natsTls: natsTls(read),
    natsGracePeriodMs: read.integer('NATS_GRACE_PERIOD_MS', 10_000, 0, 600_000),
    databaseUrl: read.urls('DATABASE_URL', DEFAULT_DATABASE_URL, ['postgres:', 'postgresql:'])[0],
    databasePoolSize: read.integer('DATABASE_POOL_SIZE', 10, 1, 200),
    commandTimeoutMs: read.integer('COMMAND_TIMEOUT_MS', 5_000, 1, 600_000),
    completeTimeoutMs: read.integer('COMPLETE_TIMEOUT_MS', 30_000, 1, 600_000),
    providerTimeoutMs: read.integer('PROVIDER_TIMEOUT_MS', 4_000, 1, 600_000),
    startupRetryMinMs: read.integer('STARTUP_RETRY_MIN_MS', 250, 1, 60_000),
    startupRetryMaxMs: read.integer('STARTUP_RETRY_MAX_MS', 5_000, 1, 600_000),
    storeCors: read.list('STORE_CORS', 'http://localhost:8000'),
    outboxPollMs: read.integer('OUTBOX_POLL_MS', 500, 10, 600_000),
    outboxBatchSize: read.integer('OUTBOX_BATCH_SIZE', 100, 1, 10_000),
    outboxRetentionHours: read.integer('OUTBOX_RETENTION_HOURS', 168, 0, 87_600),
    consumerAckWaitMs: read.integer('CONSUMER_ACK_WAIT_MS', 30_000, 100, 3_600_000),
    consumerMaxDeliver: read.integer('CONSUMER_MAX_DELIVER', 8, 1, 1_000),
    consumerBackoffMs: read.integers('CONSUMER_BACKOFF_MS', [1_000, 5_000, 30_000, 120_000], 1, 3_600_000),
    idempotencyLockMs: read.integer('IDEMPOTENCY_LOCK_MS', 30_000, 100, 3_600_000),
    idempotencyRetentionHours: read.integer('IDEMPOTENCY_RETENTION_HOURS', 24, 1, 87_600),
  };
  config.migrateOnStart =
    read.oneOf(
      'MIGRATE_ON_START',
      ['true', 'false'] as const,
      config.nodeEnv === 'production' ? 'false' : 'true',
    ) === 'true';
  config.streamReplicas = read.integer('STREAM_REPLICAS', config.nodeEnv === 'production' ? 3 : 1, 1, 5);
  config.demoData =
    read.oneOf(
      'DEMO_DATA',
      ['true', 'false'] as const,
      config.nodeEnv === 'production' ? 'false' : 'true',
    ) === 'true';
  if (config.nodeEnv === 'production' && !config.natsPassword) {
    problems.push(`NATS_PASSWORD must be set in production (the ${app} app's NATS user)`);
  }
  if (config.startupRetryMaxMs < config.startupRetryMinMs) {
    problems.push('STARTUP_RETRY_MAX_MS must not be below STARTUP_RETRY_MIN_MS');
  }
  if (problems.length) throw new ConfigError(problems);
  return config;
}

/** `NATS_TLS_CA` (with `NATS_TLS_CERT` and `NATS_TLS_KEY` for a client certificate): readable files. */
function natsTls(read: EnvReader): PlatformConfig['natsTls'] {
  const caFile = read.file('NATS_TLS_CA');
  const certFile = read.file('NATS_TLS_CERT');
  const keyFile = read.file('NATS_TLS_KEY');
  if (!certFile !== !keyFile) read.problems.push('NATS_TLS_CERT and NATS_TLS_KEY must be set together');
  if ((certFile || keyFile) && !caFile) read.problems.push('NATS_TLS_CERT needs NATS_TLS_CA');
  return caFile ? { caFile, certFile, keyFile } : undefined;
}
