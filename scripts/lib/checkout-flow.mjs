// The full checkout of `npm run bench`: shoppers going through every step of a Medusa v1
// storefront's checkout, one after the other, for a while; flows per second and each step's latency.
import { performance } from 'node:perf_hooks';

const STEPS = [
  'create cart',
  'add item',
  'email + address',
  'shipping method',
  'payment sessions',
  'select manual',
  'complete',
];

const percentile = (values, p) => {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] * 10) / 10;
};

/**
 * Runs `shoppers` concurrent checkouts in a loop for `seconds`: create a cart in the region, add the
 * variant, set email and address, add the shipping option, create payment sessions, select manual,
 * complete. Any non-2xx (or a completion that is not an order) counts as a failed flow.
 */
export async function runCheckoutFlows(gateway, { shoppers, seconds, regionId, variantId, optionId }) {
  const timings = Object.fromEntries(STEPS.map((step) => [step, []]));
  let flows = 0;
  let failures = 0;
  let firstFailure = null;
  const deadline = Date.now() + seconds * 1000;

  const post = async (step, path, body) => {
    const started = performance.now();
    const response = await fetch(gateway + path, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    timings[step].push(performance.now() - started);
    if (!response.ok) throw new Error(`${step}: ${response.status} ${text.slice(0, 200)}`);
    return JSON.parse(text);
  };

  const checkout = async () => {
    const { cart } = await post('create cart', '/store/carts', { region_id: regionId });
    const path = `/store/carts/${cart.id}`;
    await post('add item', `${path}/line-items`, { variant_id: variantId, quantity: 1 });
    await post('email + address', path, {
      email: `bench+${cart.id.slice(-8).toLowerCase()}@example.com`,
      shipping_address: {
        first_name: 'Bench',
        last_name: 'Shopper',
        address_1: '1 Rue de la Paix',
        city: 'Paris',
        postal_code: '75002',
        country_code: 'fr',
      },
    });
    await post('shipping method', `${path}/shipping-methods`, { option_id: optionId });
    await post('payment sessions', `${path}/payment-sessions`);
    await post('select manual', `${path}/payment-session`, { provider_id: 'manual' });
    const completed = await post('complete', `${path}/complete`);
    if (completed.type !== 'order') throw new Error(`complete: answered ${completed.type}, not an order`);
  };

  const shopper = async () => {
    while (Date.now() < deadline) {
      try {
        await checkout();
        flows += 1;
      } catch (error) {
        failures += 1;
        firstFailure ??= error.message;
      }
    }
  };
  await Promise.all(Array.from({ length: shoppers }, shopper));
  return {
    flowsPerSecond: Math.round((flows / seconds) * 10) / 10,
    flows,
    failures,
    firstFailure,
    steps: STEPS.map((step) => ({
      step,
      p50: percentile(timings[step], 50),
      p99: percentile(timings[step], 99),
    })),
  };
}
