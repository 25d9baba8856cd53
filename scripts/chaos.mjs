#!/usr/bin/env node
// `npm run chaos`: checkouts while apps are killed (SIGKILL) and restarted and a nats-server of the
// run's own is killed and restarted; then the audit (see lib/chaos.mjs). Exits non-zero when an
// invariant broke.
//
// Settings: CHAOS_SECONDS (default 120), CHAOS_SHOPPERS (6), CHAOS_SEED (random, printed),
// CHAOS_KILL_EVERY_MS (4000), CHAOS_NATS_EVERY_MS (20000), CHAOS_MIN_KILLS (0: faults go on past
// CHAOS_SECONDS until that many apps were killed), TEST_POSTGRES_URL or the local Postgres.
// `--no-build` skips the build; `--json` prints the figures as one JSON line (for the tests).
import { mkdtempSync, openSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runChaos } from './lib/chaos.mjs';
import { build } from './lib/stack.mjs';

const json = process.argv.includes('--json');
if (!process.argv.includes('--no-build')) build();
const number = (name, fallback) => (process.env[name] ? Number(process.env[name]) : fallback);
const logFile = join(mkdtempSync(join(tmpdir(), 'checkout-chaos-')), 'apps.log');
const figures = await runChaos({
  seconds: number('CHAOS_SECONDS', 120),
  shoppers: number('CHAOS_SHOPPERS', 6),
  seed: number('CHAOS_SEED', Date.now() % 2 ** 31),
  killEveryMs: number('CHAOS_KILL_EVERY_MS', 4_000),
  natsEveryMs: number('CHAOS_NATS_EVERY_MS', 20_000),
  minKills: number('CHAOS_MIN_KILLS', 0),
  postgresUrl: process.env.TEST_POSTGRES_URL || 'postgres://postgres@127.0.0.1:5432/postgres',
  output: openSync(logFile, 'a'),
  log: (line) => console.error(`chaos: ${line}`),
});
if (json) console.log(JSON.stringify({ ...figures, logFile }));
else {
  console.log(
    [
      `seed ${figures.seed}, ${figures.seconds} s, ${figures.shoppers} shoppers`,
      `apps killed and restarted: ${figures.kills} (${Object.entries(figures.killed)
        .map(([app, n]) => `${app} ${n}`)
        .join(', ')}); nats-server restarts: ${figures.natsRestarts}`,
      `carts that reached complete: ${figures.reachedComplete}; orders: ${figures.orders}; refused: ${figures.refused}`,
      `lost: ${figures.lost}; duplicated: ${figures.duplicated}; answered another order: ${figures.misanswered}; charged twice: ${figures.chargedTwice}`,
      `stock left reserved without an order: ${figures.strandedReservations}; taken twice for one cart: ${figures.stockTakenTwice}; reserved counts off: ${figures.reservedQuantityMismatches}`,
      `unsent outbox rows 30 s after the faults: ${JSON.stringify(figures.unsentOutbox)}`,
      `requests retried by shoppers: ${figures.retries}; carts given up before complete: ${figures.abandonedBeforeComplete}`,
      figures.firstRefusal ? `first refusal: ${figures.firstRefusal}` : null,
      `app logs: ${logFile}`,
      figures.passed ? 'PASSED' : 'FAILED',
    ]
      .filter(Boolean)
      .join('\n'),
  );
}
process.exit(figures.passed ? 0 : 1);
