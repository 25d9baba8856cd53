import { DemoVariantIds } from '@app/contracts';
import request from 'supertest';
import { complete, readyForCheckout } from '../support/checkout';
import { createTestEnvironment, TestEnvironment } from '../support/test-environment';

/** The value of one series of a Prometheus text exposition (0 when absent). */
function sample(text: string, name: string, labels: Record<string, string>): number {
  const wanted = Object.entries(labels).map(([key, value]) => `${key}="${value}"`);
  for (const line of text.split('\n')) {
    if (!line.startsWith(`${name}{`) && !line.startsWith(`${name} `)) continue;
    if (wanted.every((label) => line.includes(label))) return Number(line.slice(line.lastIndexOf(' ') + 1));
  }
  return 0;
}

/** Prometheus metrics on every app's HTTP port, moving as a checkout goes through. */
describe('metrics', () => {
  let env: TestEnvironment;
  let gateway: string;
  const scrape = async (app: 'gateway' | 'cart' | 'order') => {
    const answer = await request(env.url(app)).get('/metrics').expect(200);
    expect(answer.headers['content-type']).toMatch(/^text\/plain/);
    return answer.text;
  };

  beforeAll(async () => {
    env = await createTestEnvironment({ apps: ['catalog', 'cart', 'payment', 'order', 'gateway'] });
    gateway = env.url('gateway');
  });
  afterAll(() => env.close());

  it('a checkout moves the HTTP, command and checkout series; the outbox and pool are reported', async () => {
    const completed = { app: 'gateway', method: 'POST', route: '/store/carts/:id/complete', status: '200' };
    const before = await scrape('gateway');
    const cart = await readyForCheckout(gateway, {
      items: [{ variant_id: DemoVariantIds.tote, quantity: 1 }],
    });
    await complete(gateway, cart.id).expect(200);
    const after = await scrape('gateway');
    expect(sample(after, 'http_request_duration_seconds_count', completed)).toBe(
      sample(before, 'http_request_duration_seconds_count', completed) + 1,
    );
    const placed = { app: 'cart', outcome: 'placed' };
    expect(sample(after, 'checkout_outcomes_total', placed)).toBe(
      sample(before, 'checkout_outcomes_total', placed) + 1,
    );
    expect(sample(after, 'command_duration_seconds_count', { app: 'cart', outcome: 'ok' })).toBeGreaterThan(
      sample(before, 'command_duration_seconds_count', { app: 'cart', outcome: 'ok' }),
    );
    expect(sample(after, 'db_statements_total', {})).toBeGreaterThan(
      sample(before, 'db_statements_total', {}),
    );

    const cartMetrics = await scrape('cart');
    expect(cartMetrics).toMatch(/^outbox_unsent_events\{app="cart"\} \d+$/m);
    expect(cartMetrics).toMatch(/^outbox_oldest_unsent_age_seconds\{app="cart"\} [\d.e-]+$/m);
    expect(cartMetrics).toMatch(/^dead_letters\{app="order"\} \d+$/m);
    expect(sample(cartMetrics, 'db_pool_connections', { app: 'cart', state: 'total' })).toBeGreaterThan(0);
    expect(cartMetrics).toMatch(/^jetstream_consumer_pending\{app="order",consumer="order-[a-z-]+"\} \d+$/m);
    expect(cartMetrics).toMatch(
      /^jetstream_consumer_redelivered\{app="cart",consumer="cart-[a-z-]+"\} \d+$/m,
    );
    expect(cartMetrics).toMatch(/^process_cpu_seconds_total \d/m);
    expect(cartMetrics).toMatch(/^# TYPE http_request_duration_seconds histogram$/m);
  });

  it('an unknown route is one series, not one per path', async () => {
    await request(gateway).get('/store/nothing-here/1').expect(404);
    await request(gateway).get('/store/nothing-here/2').expect(404);
    const text = await scrape('gateway');
    expect(
      sample(text, 'http_request_duration_seconds_count', { route: 'unmatched', status: '404' }),
    ).toBeGreaterThanOrEqual(2);
    expect(text).not.toContain('nothing-here');
  });
});
