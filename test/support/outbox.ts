import { TestEnvironment } from './test-environment';

/** The subjects of the events an app's outbox recorded about `aggregateId`, oldest first. */
export async function recordedEvents(
  env: TestEnvironment,
  app: 'catalog' | 'cart' | 'customer',
  aggregateId: string,
): Promise<string[]> {
  const rows = await env.sql<{ subject: string }>(
    `SELECT subject FROM ${app}.outbox WHERE envelope->>'aggregate_id' = $1 ORDER BY occurred_at, id`,
    [aggregateId],
  );
  return rows.map((row) => row.subject);
}
