import { AppName } from '@app/platform';
import request from 'supertest';
import { freePort } from './ports';
import { Sandbox, startTestSandbox } from './psp-sandbox';
import { Json, storeCarts } from './store-carts';
import { createTestEnvironment, TestEnvironment } from './test-environment';

/** The apps a payment needs, talking to an in-process PSP sandbox that can reach the gateway. */
export interface PaymentStack {
  sandbox: Sandbox;
  env: TestEnvironment;
  gateway: string;
  carts: ReturnType<typeof storeCarts>;
  close(): Promise<void>;
}

/** Options: extra environment for the apps; a database of its own (for suites that sell stock). */
export async function startPaymentStack(
  extraEnv: Record<string, string> = {},
  options: { freshDatabase?: boolean; apps?: AppName[] } = {},
): Promise<PaymentStack> {
  const sandbox = await startTestSandbox();
  // The sandbox must know the gateway's address before it starts: a free port is picked, and picked
  // again if something took it before the gateway listened.
  let env: TestEnvironment | undefined;
  for (let attempt = 1; !env; attempt += 1) {
    const gatewayPort = await freePort();
    try {
      env = await createTestEnvironment({
        apps: options.apps ?? ['catalog', 'cart', 'payment', 'gateway'],
        freshDatabase: options.freshDatabase,
        ports: { gateway: gatewayPort },
        env: { PSP_BASE_URL: sandbox.url, PUBLIC_BASE_URL: `http://127.0.0.1:${gatewayPort}`, ...extraEnv },
      });
    } catch (error) {
      if ((error as { code?: string }).code !== 'EADDRINUSE' || attempt >= 3) {
        await sandbox.close();
        throw error;
      }
    }
  }
  const gateway = env.url('gateway');
  const stack: PaymentStack = {
    sandbox,
    env,
    gateway,
    carts: storeCarts(gateway),
    close: async () => {
      await env.close();
      await stack.sandbox.close();
    },
  };
  return stack;
}

type Items = { variant_id: string; quantity: number }[];

/** A cart with these items and its payment sessions (none selected yet). */
export async function cartWithSessions(gateway: string, regionId: string, items: Items): Promise<Json> {
  const { cart } = (
    await request(gateway).post('/store/carts').send({ region_id: regionId, items }).expect(200)
  ).body;
  return (await request(gateway).post(`/store/carts/${cart.id}/payment-sessions`).expect(200)).body.cart;
}

/**
 * What a storefront does to pay: a cart with these items, its payment sessions, and `provider`
 * selected (opened at the provider). Returns the cart; its `payment_session` is the provider's.
 */
export async function cartPayingWith(
  gateway: string,
  provider: string,
  regionId: string,
  items: Items,
): Promise<Json> {
  const cart = await cartWithSessions(gateway, regionId, items);
  const selected = await request(gateway)
    .post(`/store/carts/${cart.id}/payment-session`)
    .send({ provider_id: provider })
    .expect(200);
  return selected.body.cart;
}

/** The payment app's events of one session (`events.<type>`), from its outbox. */
export function paymentEvents(
  env: TestEnvironment,
  type: string,
  sessionId: string,
): Promise<{ id: string }[]> {
  return env.sql<{ id: string }>(
    `SELECT id FROM payment.outbox WHERE subject = $1 AND envelope->>'aggregate_id' = $2`,
    [`events.${type}`, sessionId],
  );
}
