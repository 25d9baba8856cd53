#!/usr/bin/env node
// `npm run bench`: the store API through the real gateway, measured with autocannon in the same run
// as the floor benchmark (the fastest possible gateway → NATS → Postgres read on this machine), so
// that the ratio compares like with like on a shared, noisy machine.
//
// Then the full checkout at FLOW_SHOPPERS concurrent shoppers for FLOW_SECONDS.
//
// Settings: DURATION (s, default 10), CONNECTIONS (default 50), WARMUP (s, default 3),
// FLOW_SHOPPERS (default 10), FLOW_SECONDS (default 60),
// FLOOR_DIR (default ../shared/bench/floor), DATABASE_URL / NATS_URL (default localhost),
// BENCH_ONLY (comma-separated names of what to run, e.g. `checkout flow`; default everything).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, openSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { costPerFlow, formatCost, readCosts } from './lib/checkout-cost.mjs';
import { runCheckoutFlows } from './lib/checkout-flow.mjs';
import { preflight } from './lib/preflight.mjs';
import {
  APPS,
  build,
  freePort,
  portOf,
  portVariable,
  ROOT,
  rssMb,
  SANDBOX,
  startStack,
} from './lib/stack.mjs';

const require = createRequire(`${ROOT}/package.json`);
const autocannon = require('autocannon');

const DURATION = Number(process.env.DURATION || 10);
const CONNECTIONS = Number(process.env.CONNECTIONS || 50);
const WARMUP = Number(process.env.WARMUP || 3);
const FLOW_SHOPPERS = Number(process.env.FLOW_SHOPPERS || 10);
const FLOW_SECONDS = Number(process.env.FLOW_SECONDS || 60);
const FLOOR_DIR = resolve(process.env.FLOOR_DIR || join(ROOT, '..', 'shared', 'bench', 'floor'));
const DEMO_EUROPE = 'reg_01KDVDNA00GK8MC491TS8HF3WJ';
const DEMO_VARIANTS = {
  tote: 'variant_01KDVDNA10WGDAY02TT24C1710',
  mug: 'variant_01KDVDNA10TV45ERV71Q8DWNYH',
  /** Inventory not managed: adding it never runs out of stock. */
  giftCard: 'variant_01KDVDNA10DSXJPKWSKQ7W25M4',
};
const DEMO_EUROPE_STANDARD_SHIPPING = 'so_01KDVDNA10TJRFXZC0AP227VNQ';
/** Digital delivery: the shipping option of gift cards. */
const DEMO_EUROPE_DIGITAL_DELIVERY = 'so_01KDVDNA10B9M19T0S3FQ0SAXC';
const CART_POOL = 50;
const ONLY = process.env.BENCH_ONLY ? process.env.BENCH_ONLY.split(',').map((name) => name.trim()) : null;
const selected = (name) => !ONLY || ONLY.includes(name);

/**
 * What `npm run bench` measures: a name, the target ratio of the floor's nats/cart_1 req/s (null: no
 * target, reported only), and the autocannon options, prepared against the running gateway.
 */
const TARGETS = [
  { name: 'region by id', target: 0.6, prepare: async () => ({ path: `/store/regions/${DEMO_EUROPE}` }) },
  {
    name: 'products x20',
    target: 0.3,
    prepare: async () => ({ path: `/store/products?limit=20&region_id=${DEMO_EUROPE}` }),
  },
  {
    name: 'cart by id',
    target: 0.6,
    prepare: async (gateway) => ({ path: `/store/carts/${await checkoutCart(gateway)}` }),
  },
  {
    name: 'add to cart',
    target: null,
    prepare: (gateway) =>
      overCartPool(gateway, {}, 'line-items', { variant_id: DEMO_VARIANTS.giftCard, quantity: 1 }),
  },
  {
    name: 'pay sessions',
    target: null,
    prepare: (gateway) =>
      overCartPool(
        gateway,
        { region_id: DEMO_EUROPE, items: [{ variant_id: DEMO_VARIANTS.tote, quantity: 1 }] },
        'payment-sessions',
      ),
  },
];
const P99_LIMIT = 2; // × the floor's p99
const RSS_LIMIT_MB = 150;

function runFloor() {
  const script = join(FLOOR_DIR, 'run.sh');
  if (!existsSync(script)) {
    console.log(`floor: ${script} not found (set FLOOR_DIR); ratios are not computed`);
    return null;
  }
  const run = spawnSync('bash', [script], {
    env: { ...process.env, DURATION: String(DURATION), CONNECTIONS: String(CONNECTIONS) },
    encoding: 'utf8',
  });
  process.stdout.write(run.stdout);
  const line = run.stdout.split('\n').find((l) => l.startsWith('floor nats/cart_1'));
  if (run.status !== 0 || !line) throw new Error(`floor benchmark failed:\n${run.stderr}`);
  const [, reqs, p50, p99, errors] = /req\/s (\d+) p50_ms ([\d.]+) p99_ms ([\d.]+) errors (\d+)/.exec(line);
  return { reqs: Number(reqs), p50: Number(p50), p99: Number(p99), errors: Number(errors) };
}

/**
 * POSTs to `/store/carts/{id}/<route>` over a pool of carts created from `cart`, one cart after the
 * other, so that concurrent requests rarely meet on one cart.
 */
async function overCartPool(gateway, cart, route, body) {
  const carts = await Promise.all(
    Array.from({ length: CART_POOL }, () => storePost(gateway, '/store/carts', cart)),
  );
  let next = 0;
  const request = {
    method: 'POST',
    ...(body && { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
    setupRequest: (options) => ({
      ...options,
      path: `/store/carts/${carts[next++ % carts.length].id}/${route}`,
    }),
  };
  return { path: '/store/carts', requests: [request] };
}

async function storePost(gateway, path, body = {}) {
  const response = await fetch(gateway + path, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`POST ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()).cart;
}

/** A cart as it stands at checkout: three lines, a discount and a shipping method. */
async function checkoutCart(gateway) {
  const cart = await storePost(gateway, '/store/carts', {
    region_id: DEMO_EUROPE,
    items: Object.values(DEMO_VARIANTS).map((variant_id) => ({ variant_id, quantity: 1 })),
  });
  await storePost(gateway, `/store/carts/${cart.id}/shipping-methods`, {
    option_id: DEMO_EUROPE_STANDARD_SHIPPING,
  });
  await storePost(gateway, `/store/carts/${cart.id}`, { discounts: [{ code: 'WELCOME10' }] });
  return cart.id;
}

async function measure(url, options, duration) {
  const { path, ...rest } = options;
  const result = await autocannon({ url: url + path, ...rest, connections: CONNECTIONS, duration });
  return {
    reqs: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    failures: result.errors + result.timeouts + result.non2xx,
  };
}

const problems = await preflight();
if (problems.length) {
  console.error(`Cannot benchmark:\n\n${problems.join('\n\n')}`);
  process.exit(1);
}
build();

const floor = TARGETS.some(({ name }) => selected(name)) ? runFloor() : null;

/** The full checkout at FLOW_SHOPPERS shoppers, with its cost per checkout; true when a flow failed. */
async function benchCheckoutFlow() {
  const apps = Object.fromEntries(
    Object.entries(stack.pids())
      .filter(([app]) => app !== SANDBOX)
      .map(([app, pid]) => [app, { pid, url: `http://127.0.0.1:${portOf(app, env)}` }]),
  );
  const before = await readCosts(apps);
  const flow = await runCheckoutFlows(gateway, {
    shoppers: FLOW_SHOPPERS,
    seconds: FLOW_SECONDS,
    regionId: DEMO_EUROPE,
    variantId: DEMO_VARIANTS.giftCard,
    optionId: DEMO_EUROPE_DIGITAL_DELIVERY,
  });
  console.log(
    `ours  checkout flow  ${flow.flowsPerSecond} flows/s (${flow.flows} in ${FLOW_SECONDS} s, ${FLOW_SHOPPERS} shoppers)  failed ${flow.failures}`,
  );
  for (const { step, p50, p99 } of flow.steps)
    console.log(`      ${step.padEnd(17)} p50_ms ${p50}  p99_ms ${p99}`);
  console.log(`      ${formatCost(costPerFlow(before, await readCosts(apps), flow.flows))}`);
  if (flow.failures > 0) {
    console.error(
      `checkout flow: ${flow.failures} flows failed, first: ${flow.firstFailure} (logs: ${logFile})`,
    );
    return true;
  }
  return false;
}

const env = {
  ...process.env,
  DATABASE_URL: process.env.BENCH_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/commerce_bench',
};
for (const app of [...APPS, SANDBOX]) env[portVariable(app)] = String(await freePort());
const logFile = join(mkdtempSync(join(tmpdir(), 'checkout-bench-')), 'apps.log');
const stack = await startStack({ env, output: openSync(logFile, 'a') });
const gateway = `http://127.0.0.1:${env.GATEWAY_PORT}`;

let failed = false;
try {
  for (const { name, target, prepare } of TARGETS.filter(({ name }) => selected(name))) {
    const options = await prepare(gateway);
    if (WARMUP > 0) await measure(gateway, options, WARMUP);
    const ours = await measure(gateway, options, DURATION);
    const line = [
      `ours  ${name.padEnd(13)}`,
      `req/s ${ours.reqs}`,
      `p50_ms ${ours.p50}`,
      `p99_ms ${ours.p99}`,
      `non2xx+errors ${ours.failures}`,
    ];
    if (floor) {
      const ratio = ours.reqs / floor.reqs;
      const p99Ratio = ours.p99 / floor.p99;
      if (target === null) {
        line.push(`ratio ${(ratio * 100).toFixed(0)}% of floor`, `p99 ${p99Ratio.toFixed(2)}× floor`);
      } else {
        line.push(
          `ratio ${(ratio * 100).toFixed(0)}% of floor (target ${target * 100}%)`,
          `p99 ${p99Ratio.toFixed(2)}× floor (target ≤ ${P99_LIMIT}×)`,
        );
        if (ratio < target || p99Ratio > P99_LIMIT) line.push('TARGET MISSED');
      }
    }
    console.log(line.join('  '));
    if (ours.failures > 0) {
      console.error(`${name}: ${ours.failures} requests failed or were not 2xx (logs: ${logFile})`);
      failed = true;
    }
  }
  if (selected('checkout flow')) failed = (await benchCheckoutFlow()) || failed;
  const rss = Object.entries(stack.pids()).map(([app, pid]) => [app, rssMb(pid)]);
  console.log(
    `rss_mb ${rss.map(([app, mb]) => `${app}=${mb}`).join(' ')}  (target ≤ ${RSS_LIMIT_MB} MB each)`,
  );
  console.log(`app logs: ${logFile}`);
} finally {
  await stack.stop();
}
process.exit(failed ? 1 : 0);
