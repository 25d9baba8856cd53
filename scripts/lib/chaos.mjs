// `npm run chaos`: shoppers check out while apps are killed (SIGKILL) and started again and the
// run's own nats-server is killed and restarted; then the database is audited. Every cart whose
// `complete` was sent must end with exactly one order, none charged twice, no stock left reserved
// without an order, and no event left unsent in an outbox 30 s after the faults stop.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { APPS, freePort, portVariable, ROOT, SANDBOX, startStack } from './stack.mjs';

const require = createRequire(`${ROOT}/package.json`);
const { Client } = require('pg');

const EUROPE = 'reg_01KDVDNA00GK8MC491TS8HF3WJ';
const TOTE = 'variant_01KDVDNA10WGDAY02TT24C1710';
const EUROPE_STANDARD_SHIPPING = 'so_01KDVDNA10TJRFXZC0AP227VNQ';
const SCHEMAS = ['catalog', 'cart', 'payment', 'order', 'notification', 'customer'];
/** How long after the faults stop every outbox must be empty. */
const OUTBOX_GRACE_MS = 30_000;
/** How long after the faults stop a shopper keeps retrying its completion (as a storefront would). */
const SETTLE_MS = 60_000;
/**
 * Faster recovery than production's defaults, so that a short run sees it: a checkout's lease, an
 * Idempotency-Key's lock and an event's redelivery after a crash expire in seconds, not minutes.
 */
const RECOVERY_ENV = {
  CHECKOUT_LEASE_MS: '3000',
  CHECKOUT_SWEEP_MS: '1000',
  IDEMPOTENCY_LOCK_MS: '3000',
  CONSUMER_ACK_WAIT_MS: '3000',
  STARTUP_RETRY_MAX_MS: '1000',
};

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** A seeded random source (mulberry32), so that a run's faults can be played again. */
function randomSource(seed) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    between: (low, high) => low + next() * (high - low),
    /** The items in a random order. */
    shuffled: (items) => {
      const deck = [...items];
      for (let index = deck.length - 1; index > 0; index -= 1) {
        const other = Math.floor(next() * (index + 1));
        [deck[index], deck[other]] = [deck[other], deck[index]];
      }
      return deck;
    },
  };
}

function natsServerBinary() {
  const candidates = [process.env.NATS_SERVER_BIN, '/usr/sbin/nats-server', '/usr/bin/nats-server'];
  return candidates.find((path) => path && existsSync(path)) ?? 'nats-server';
}

async function waitForPort(port, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const open = await new Promise((resolve) => {
      const socket = connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    if (Date.now() > deadline) throw new Error(`nothing listens on ${port} after ${timeoutMs} ms`);
    await sleep(50);
  }
}

/** The run's own nats-server with JetStream, on a free port and a store of its own. */
class NatsProcess {
  constructor(port) {
    this.port = port;
    this.storeDir = mkdtempSync(join(tmpdir(), 'checkout-chaos-nats-'));
  }

  get url() {
    return `nats://127.0.0.1:${this.port}`;
  }

  async start() {
    this.child = spawn(
      natsServerBinary(),
      ['-a', '127.0.0.1', '-p', String(this.port), '-js', '-sd', this.storeDir],
      { stdio: 'ignore' },
    );
    await waitForPort(this.port);
  }

  async kill(signal = 'SIGKILL') {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    await new Promise((resolve) => {
      child.once('exit', resolve);
      child.kill(signal);
    });
  }

  async destroy() {
    await this.kill('SIGTERM');
    rmSync(this.storeDir, { recursive: true, force: true });
  }
}

/** One HTTP call to the gateway: its status and JSON body; throws on a network error or timeout. */
async function call(gateway, path, body, headers = {}) {
  const response = await fetch(gateway + path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(10_000),
  });
  const text = await response.text();
  try {
    return { status: response.status, body: JSON.parse(text) };
  } catch {
    return { status: response.status, body: text };
  }
}

/** Whether an answer is worth the same request again: no answer, a 5xx, or a 409 (in flight). */
const transient = (answer) => answer === null || answer.status >= 500 || answer.status === 409;

/**
 * A shopper's checkouts with the manual provider (a tote from stock, standard shipping): each step
 * retried while the answer is transient, a cart given up on a refusal before `complete`. Once
 * `complete` is sent, the cart is tracked and completed with one Idempotency-Key until it answers
 * an order or a refusal, for as long as `settleBy` allows.
 */
async function shop(gateway, { until, settleBy, tracked, stats }) {
  const attempt = async (path, body, headers, deadline) => {
    for (let tries = 1; ; tries += 1) {
      let answer = null;
      try {
        answer = await call(gateway, path, body, headers);
      } catch {
        // the gateway is down or timed out: the same request again
      }
      if (!transient(answer) || Date.now() > deadline) return answer;
      stats.retries += 1;
      await sleep(Math.min(1_000, 100 * tries));
    }
  };
  while (Date.now() < until) {
    // One key for every try of one creation: a retried answer lost in a crash is the same cart, not
    // another, empty one.
    const created = await attempt(
      '/store/carts',
      { region_id: EUROPE, items: [{ variant_id: TOTE, quantity: 1 }] },
      { 'idempotency-key': `chaos-cart-${randomUUID()}` },
      until,
    );
    if (created?.status !== 200) continue;
    const cart = created.body.cart.id;
    const path = `/store/carts/${cart}`;
    const steps = [
      [
        path,
        {
          email: `chaos+${cart.slice(-8).toLowerCase()}@example.com`,
          shipping_address: {
            first_name: 'Chaos',
            last_name: 'Monkey',
            address_1: '1 Rue de la Paix',
            city: 'Paris',
            postal_code: '75002',
            country_code: 'fr',
          },
        },
      ],
      [`${path}/shipping-methods`, { option_id: EUROPE_STANDARD_SHIPPING }],
      [`${path}/payment-sessions`, undefined],
      [`${path}/payment-session`, { provider_id: 'manual' }],
    ];
    let ready = true;
    for (const [stepPath, body] of steps) {
      if ((await attempt(stepPath, body, {}, until))?.status !== 200) {
        ready = false;
        break;
      }
    }
    if (!ready) {
      stats.abandoned += 1;
      continue;
    }
    const outcome = { order: null, refused: null };
    tracked.set(cart, outcome);
    const answer = await attempt(
      `${path}/complete`,
      undefined,
      { 'idempotency-key': `chaos-${cart}` },
      settleBy,
    );
    if (answer?.status === 200 && answer.body.type === 'order') outcome.order = answer.body.data.id;
    else if (answer && !transient(answer))
      outcome.refused = `${answer.status} ${JSON.stringify(answer.body).slice(0, 200)}`;
  }
}

/**
 * Kills an app (SIGKILL) every `killEveryMs` (± half) and starts it again — every app once, in a
 * random order, then again — and every `natsEveryMs` kills the nats-server and starts it again,
 * until `until`, and on (up to as long again) until `minKills` apps were killed: on a slow machine a
 * restart takes longer, and a short run would otherwise inflict fewer faults than it promises.
 */
async function inflict(stack, nats, random, { until, killEveryMs, natsEveryMs, minKills, log }) {
  const figures = { kills: 0, natsRestarts: 0, killed: {} };
  let nextNats = Date.now() + natsEveryMs;
  let deck = [];
  const stopBy = until + (until - Date.now());
  const going = () => Date.now() < until || (figures.kills < minKills && Date.now() < stopBy);
  while (going()) {
    await sleep(random.between(killEveryMs / 2, (killEveryMs * 3) / 2));
    if (!going()) break;
    if (Date.now() >= nextNats) {
      await nats.kill();
      await sleep(random.between(200, 1_500));
      await nats.start();
      figures.natsRestarts += 1;
      nextNats = Date.now() + natsEveryMs;
      log(`nats-server killed and restarted (${figures.natsRestarts})`);
      continue;
    }
    if (!deck.length) deck = random.shuffled(APPS);
    const app = deck.pop();
    const child = stack.children.get(app);
    await new Promise((resolve) => {
      child.once('exit', resolve);
      child.kill('SIGKILL');
    });
    await sleep(random.between(200, 1_500));
    await stack.restart(app);
    figures.kills += 1;
    figures.killed[app] = (figures.killed[app] ?? 0) + 1;
    log(`${app} killed and restarted (${figures.kills})`);
  }
  return figures;
}

/** What the database says after the run, for the carts that reached `complete`. */
async function audit(databaseUrl, tracked) {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const carts = [...tracked.keys()];
    const { rows: orders } = await client.query(
      'SELECT cart_id, count(*)::int AS orders, min(id) AS order_id FROM "order"."order" WHERE cart_id = ANY($1) GROUP BY cart_id',
      [carts],
    );
    const byCart = new Map(orders.map((row) => [row.cart_id, row]));
    const refused = carts.filter((cart) => tracked.get(cart).refused);
    const lost = carts.filter((cart) => !tracked.get(cart).refused && !byCart.has(cart));
    const duplicated = orders.filter((row) => row.orders > 1).map((row) => row.cart_id);
    const misanswered = carts.filter((cart) => {
      const { order } = tracked.get(cart);
      return order && byCart.get(cart)?.order_id !== order;
    });
    const orderedThoughRefused = refused.filter((cart) => byCart.has(cart));
    const [{ charged_twice: chargedTwice }] = (
      await client.query(
        `SELECT count(*)::int AS charged_twice FROM (SELECT cart_id FROM payment.attempt
           WHERE status IN ('authorized', 'captured') GROUP BY cart_id HAVING count(*) > 1) twice`,
      )
    ).rows;
    const [{ stranded }] = (
      await client.query(
        `SELECT count(*)::int AS stranded FROM catalog.reservation r WHERE r.status = 'reserved'
           AND NOT EXISTS (SELECT 1 FROM "order"."order" o WHERE o.cart_id = r.reservation_key)`,
      )
    ).rows;
    const [{ taken_twice: takenTwice }] = (
      await client.query(
        `SELECT count(*)::int AS taken_twice FROM (SELECT reservation_key FROM catalog.reservation
           WHERE status <> 'released' GROUP BY reservation_key, variant_id HAVING count(*) > 1) twice`,
      )
    ).rows;
    const [{ mismatched }] = (
      await client.query(
        `SELECT count(*)::int AS mismatched FROM catalog.inventory_level l
         WHERE l.reserved_quantity <> COALESCE((SELECT sum(r.quantity) FROM catalog.reservation r
                                               WHERE r.variant_id = l.variant_id AND r.status = 'reserved'), 0)`,
      )
    ).rows;
    return {
      reachedComplete: carts.length,
      orders: orders.reduce((sum, row) => sum + row.orders, 0),
      refused: refused.length,
      firstRefusal: refused.length ? tracked.get(refused[0]).refused : null,
      lost: lost.length,
      lostCarts: lost.slice(0, 10),
      duplicated: duplicated.length,
      misanswered: misanswered.length,
      orderedThoughRefused: orderedThoughRefused.length,
      chargedTwice,
      strandedReservations: stranded,
      stockTakenTwice: takenTwice,
      reservedQuantityMismatches: mismatched,
    };
  } finally {
    await client.end();
  }
}

/** Unsent outbox rows per schema, once every outbox is empty or `timeoutMs` passed. */
async function outboxesAfter(databaseUrl, timeoutMs) {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const unsent = {};
      for (const schema of SCHEMAS) {
        const { rows } = await client.query(
          `SELECT count(*)::int AS n FROM "${schema}".outbox WHERE sent_at IS NULL`,
        );
        if (rows[0].n > 0) unsent[schema] = rows[0].n;
      }
      if (!Object.keys(unsent).length || Date.now() > deadline) return unsent;
      await sleep(500);
    }
  } finally {
    await client.end();
  }
}

async function withDatabase(adminUrl, name, action) {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await action(client, name);
  } finally {
    await client.end();
  }
}

/**
 * Runs the whole trial: a fresh database and nats-server, every app and the PSP sandbox as
 * processes, `shoppers` checking out for `seconds` while faults are inflicted; then the audit.
 * Resolves with the figures (`passed` says whether the invariants held).
 */
export async function runChaos({
  seconds = 120,
  shoppers = 6,
  seed = Date.now() % 2 ** 31,
  killEveryMs = 4_000,
  natsEveryMs = 20_000,
  minKills = 0,
  postgresUrl = 'postgres://postgres@127.0.0.1:5432/postgres',
  output = 'ignore',
  log = () => {},
}) {
  const database = `commerce_chaos_${process.pid}_${Date.now()}`;
  const databaseUrl = Object.assign(new URL(postgresUrl), { pathname: `/${database}` }).toString();
  const nats = new NatsProcess(await freePort());
  await nats.start();
  const env = {
    ...process.env,
    ...RECOVERY_ENV,
    NATS_URL: nats.url,
    DATABASE_URL: databaseUrl,
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
  };
  for (const app of [...APPS, SANDBOX]) env[portVariable(app)] = String(await freePort());
  const random = randomSource(seed);
  let stack;
  try {
    log(`seed ${seed}: starting every app and the sandbox against ${database}`);
    stack = await startStack({ env, output });
    const gateway = `http://127.0.0.1:${env.GATEWAY_PORT}`;
    await withDatabase(databaseUrl, database, (client) =>
      client.query('UPDATE catalog.inventory_level SET stocked_quantity = 1000000 WHERE variant_id = $1', [
        TOTE,
      ]),
    );
    const started = Date.now();
    const until = started + seconds * 1000;
    const settleBy = until + SETTLE_MS;
    const tracked = new Map();
    const stats = { retries: 0, abandoned: 0 };
    log(
      `${shoppers} shoppers for ${seconds} s; an app killed every ~${killEveryMs / 1000} s, nats every ~${natsEveryMs / 1000} s`,
    );
    const shopping = Promise.all(
      Array.from({ length: shoppers }, () => shop(gateway, { until, settleBy, tracked, stats })),
    );
    const faults = await inflict(stack, nats, random, { until, killEveryMs, natsEveryMs, minKills, log });
    log('faults stopped: letting the shoppers finish their completions');
    await shopping;
    const unsentOutbox = await outboxesAfter(databaseUrl, OUTBOX_GRACE_MS);
    const figures = {
      seed,
      seconds,
      shoppers,
      ...faults,
      ...(await audit(databaseUrl, tracked)),
      retries: stats.retries,
      abandonedBeforeComplete: stats.abandoned,
      unsentOutbox,
    };
    figures.passed =
      figures.lost === 0 &&
      figures.duplicated === 0 &&
      figures.misanswered === 0 &&
      figures.orderedThoughRefused === 0 &&
      figures.chargedTwice === 0 &&
      figures.strandedReservations === 0 &&
      figures.stockTakenTwice === 0 &&
      figures.reservedQuantityMismatches === 0 &&
      Object.keys(unsentOutbox).length === 0;
    return figures;
  } finally {
    await stack?.stop();
    await nats.destroy();
    await withDatabase(postgresUrl, database, (client) =>
      client.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`),
    ).catch(() => {});
  }
}
