import { Client } from 'pg';
import { dropDatabase, testPostgresUrl } from './databases';
import { TestNatsServer } from './nats-server';

/** Removes what the run created: its nats-server and store, and every database it made. */
export default async function globalTeardown(): Promise<void> {
  await (globalThis as { testNats?: TestNatsServer }).testNats?.destroy();
  const prefix = process.env.TEST_DATABASE;
  if (!prefix) return;
  const client = new Client({ connectionString: testPostgresUrl('postgres') });
  await client.connect();
  const { rows } = await client.query<{ datname: string }>(
    "SELECT datname FROM pg_database WHERE datname = $1 OR datname LIKE $1 || '\\_%'",
    [prefix],
  );
  await client.end();
  for (const { datname } of rows) await dropDatabase(datname);
}
