import { randomBytes } from 'node:crypto';
import { TestNatsServer } from './nats-server';
import { testPostgresUrl } from './databases';

/**
 * One test run = its own nats-server (free port, temporary JetStream store) and its own database
 * name `commerce_test_<run id>` (created by the apps on first start), both removed at the end: a
 * run never meets `npm start` or another run. Every retry and grace period is shortened.
 */
export default async function globalSetup(): Promise<void> {
  const runId = `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
  const nats = await TestNatsServer.start();
  const database = `commerce_test_${runId}`;
  Object.assign(process.env, {
    TEST_RUN_ID: runId,
    NATS_URL: nats.url,
    DATABASE_URL: testPostgresUrl(database),
    TEST_DATABASE: database,
    NODE_ENV: 'test',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    NATS_GRACE_PERIOD_MS: '2000',
    STARTUP_RETRY_MIN_MS: '50',
    STARTUP_RETRY_MAX_MS: '200',
    OUTBOX_POLL_MS: '100',
    CONSUMER_ACK_WAIT_MS: '3000',
    CONSUMER_MAX_DELIVER: '3',
    CONSUMER_BACKOFF_MS: '50,100',
    IDEMPOTENCY_LOCK_MS: '2000',
  });
  (globalThis as { testNats?: TestNatsServer }).testNats = nats;
}
