// What one checkout costs while `npm run bench` runs the flows: SQL statements and transactions as
// each app counts them (its /metrics), and CPU time per app, Postgres and NATS (from /proc).
import { readdirSync, readFileSync } from 'node:fs';

const CLOCK_TICKS_PER_SECOND = 100;

/** CPU seconds (user + system) of a process, or 0 when it is gone. */
function cpuSeconds(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS_PER_SECOND;
  } catch {
    return 0;
  }
}

/** CPU seconds of every process whose command name is `name` (Postgres backends, nats-server). */
function cpuSecondsOf(name) {
  let total = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/comm`, 'utf8').trim() === name) total += cpuSeconds(entry);
    } catch {
      // the process ended meanwhile
    }
  }
  return total;
}

async function appCounters(url) {
  const text = await (await fetch(`${url}/metrics`)).text();
  const value = (metric) =>
    Number(new RegExp(`^${metric}(?:\\{[^}]*\\})? (\\S+)$`, 'm').exec(text)?.[1] ?? 0);
  return { statements: value('db_statements_total'), transactions: value('db_transactions_total') };
}

/** Everything counted at one moment: per app (statements, transactions, CPU), Postgres and NATS CPU. */
export async function readCosts(apps) {
  const perApp = {};
  for (const [app, { url, pid }] of Object.entries(apps)) {
    perApp[app] = { ...(await appCounters(url)), cpu: cpuSeconds(pid) };
  }
  return { perApp, postgres: cpuSecondsOf('postgres'), nats: cpuSecondsOf('nats-server') };
}

/** The cost of one of `flows` between two readings: statements, transactions and CPU ms per part. */
export function costPerFlow(before, after, flows) {
  const per = (value) => (flows ? value / flows : 0);
  const cpu = {};
  let statements = 0;
  let transactions = 0;
  for (const [app, end] of Object.entries(after.perApp)) {
    const start = before.perApp[app];
    statements += end.statements - start.statements;
    transactions += end.transactions - start.transactions;
    cpu[app] = per(end.cpu - start.cpu) * 1000;
  }
  cpu.postgres = per(after.postgres - before.postgres) * 1000;
  cpu.nats = per(after.nats - before.nats) * 1000;
  const totalCpu = Object.values(cpu).reduce((sum, ms) => sum + ms, 0);
  return { statements: per(statements), transactions: per(transactions), cpu, totalCpu };
}

/** One line for the report. */
export function formatCost(cost) {
  const parts = Object.entries(cost.cpu).map(([part, ms]) => `${part}=${ms.toFixed(1)}`);
  return (
    `cost per checkout: sql_statements ${cost.statements.toFixed(1)}  transactions ${cost.transactions.toFixed(1)}` +
    `  cpu_ms ${cost.totalCpu.toFixed(1)} (${parts.join(' ')})`
  );
}
