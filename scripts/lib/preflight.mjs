// Checks that Postgres and NATS (with JetStream) answer before the apps start, and says plainly
// what to do when they do not.
import { createRequire } from 'node:module';
import { ROOT } from './stack.mjs';

const require = createRequire(`${ROOT}/package.json`);

export const DEFAULT_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/commerce';
export const DEFAULT_NATS_URL = 'nats://127.0.0.1:4222';

async function checkPostgres(databaseUrl) {
  const { Client } = require('pg');
  const url = new URL(databaseUrl);
  url.pathname = '/postgres';
  const client = new Client({ connectionString: url.toString(), connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return null;
  } catch (error) {
    return `Postgres is not reachable at ${url.host} (${error.code ?? error.message}).
  Start it (Debian: pg_ctlcluster <version> main start), or point DATABASE_URL at one.
  The apps create the database "${new URL(databaseUrl).pathname.slice(1)}" themselves.`;
  } finally {
    await client.end().catch(() => {});
  }
}

async function checkNats(natsUrl) {
  const { connect } = require('nats');
  let nc;
  try {
    nc = await connect({ servers: natsUrl.split(','), timeout: 3000 });
  } catch (error) {
    return `NATS is not reachable at ${natsUrl} (${error.code ?? error.message}).
  Start it with JetStream: nats-server -js -sd /var/lib/nats-server, or point NATS_URL at one.`;
  }
  try {
    await (await nc.jetstreamManager()).getAccountInfo();
    return null;
  } catch {
    return `NATS at ${natsUrl} runs without JetStream: restart it with -js (nats-server -js -sd <store dir>).`;
  } finally {
    await nc.close();
  }
}

/** Resolves with a list of problems (empty when both services answer). */
export async function preflight(env = process.env) {
  const problems = await Promise.all([
    checkPostgres(env.DATABASE_URL || DEFAULT_DATABASE_URL),
    checkNats(env.NATS_URL || DEFAULT_NATS_URL),
  ]);
  return problems.filter(Boolean);
}
