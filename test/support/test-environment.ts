import {
  AppName,
  CommandClient,
  loadPlatformConfig,
  NatsConnectionService,
  portVariable,
  startApp,
  StartedApp,
} from '@app/platform';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { APPS } from './apps';
import { dropDatabase, testPostgresUrl } from './databases';
import { emptyEventStream } from './event-stream';

type Env = Record<string, string | undefined>;

export interface TestEnvironmentOptions {
  /** Apps to boot in this process, each on a free HTTP port. */
  apps: AppName[];
  /** Environment overrides (NATS_URL, DATABASE_URL, timeouts…). */
  env?: Env;
  /** Give this environment a database of its own, dropped on close. */
  freshDatabase?: boolean;
  /** Wait until every app reports ready (default true). */
  waitReady?: boolean;
  /** Environment of one app only (its NATS password, say), over `env`. */
  appEnv?: Partial<Record<AppName, Env>>;
  /** HTTP ports chosen in advance (e.g. the gateway's, which the payment app must name to providers). */
  ports?: Partial<Record<AppName, number>>;
}

export interface TestEnvironment {
  env: Env;
  /** Sends commands over the environment's NATS, as the gateway would. */
  commands: CommandClient;
  app(name: AppName): StartedApp;
  /** Base URL of an app's HTTP server. */
  url(name: AppName): string;
  /** Stops one app (gracefully). */
  stop(name: AppName): Promise<void>;
  /** Starts an app of the environment (again, after `stop`), with extra environment, and waits until ready. */
  start(name: AppName, overrides?: Env): Promise<StartedApp>;
  /** Runs SQL on the environment's database (one connection, opened on first use). */
  sql<Row = Record<string, unknown>>(text: string, values?: unknown[]): Promise<Row[]>;
  close(): Promise<void>;
}

let environments = 0;

/**
 * Boots the named apps in this test process against the run's real Postgres and NATS (see
 * global-setup), with every HTTP server on a free port, plus a command client.
 */
export async function createTestEnvironment(options: TestEnvironmentOptions): Promise<TestEnvironment> {
  const env: Env = { ...process.env, ...options.env };
  for (const name of options.apps) env[portVariable(name)] = String(options.ports?.[name] ?? 0);
  let database: string | undefined;
  if (options.freshDatabase) {
    // Unique in the run (Jest reloads this module for every test file of a worker, so a counter
    // alone would give two files the same database if one of them was never closed).
    environments += 1;
    database = `${process.env.TEST_DATABASE}_${process.pid}_${environments}_${randomBytes(3).toString('hex')}`;
    env.DATABASE_URL = testPostgresUrl(database);
    // A new store on the run's own server: no events of earlier suites' stores reach it.
    if (!options.env?.NATS_URL && env.NATS_URL) await emptyEventStream(env.NATS_URL);
  }
  const started = new Map<AppName, StartedApp>();
  const boot = async (name: AppName, appEnv: Env) => {
    const { module, options: startOptions } = APPS[name];
    const app = await startApp(module({ ...appEnv, ...options.appEnv?.[name] }), startOptions);
    started.set(name, app);
    return app;
  };
  try {
    for (const name of options.apps) await boot(name, env);
    if (options.waitReady ?? true) await Promise.all([...started.values()].map((app) => app.ready));
  } catch (error) {
    // An app that could not start (its port taken meanwhile): the others stop, nothing is left behind.
    for (const app of [...started.values()].reverse()) await app.close().catch(() => undefined);
    if (database) await dropDatabase(database).catch(() => undefined);
    throw error;
  }

  const clientConfig = loadPlatformConfig('gateway', env);
  const nats = new NatsConnectionService(clientConfig);
  const connecting = nats.start();
  if (options.waitReady ?? true) await connecting;
  const commands = new CommandClient(nats, clientConfig);

  const app = (name: AppName): StartedApp => {
    const found = started.get(name);
    if (!found) throw new Error(`${name} is not running in this test environment`);
    return found;
  };
  const stop = async (name: AppName) => {
    await app(name).close();
    started.delete(name);
  };
  const start = async (name: AppName, overrides: Env = {}) => {
    if (started.has(name)) throw new Error(`${name} is running already`);
    const app = await boot(name, { ...env, [portVariable(name)]: '0', ...overrides });
    await app.ready;
    return app;
  };
  let client: Promise<Client> | undefined;
  const sql = async <Row>(text: string, values: unknown[] = []): Promise<Row[]> => {
    client ??= (async () => {
      const connection = new Client({ connectionString: env.DATABASE_URL });
      await connection.connect();
      return connection;
    })();
    return (await (await client).query(text, values)).rows as Row[];
  };
  return {
    env,
    commands,
    app,
    url: (name) => app(name).url,
    stop,
    start,
    sql,
    close: async () => {
      for (const name of [...started.keys()].reverse()) await stop(name);
      await nats.onApplicationShutdown();
      if (client) await (await client).end();
      if (database) await dropDatabase(database);
    },
  };
}

/** Polls `check` until it returns true, or fails after `timeoutMs`. */
export async function eventually(
  check: () => Promise<boolean>,
  timeoutMs = 10_000,
  what = 'condition',
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check().catch(() => false))) {
    if (Date.now() > deadline) throw new Error(`${what} not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
