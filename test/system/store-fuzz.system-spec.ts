import {
  DemoGiftCardCodes,
  DemoProductIds,
  DemoRegionIds,
  DemoShippingOptionIds,
  DemoVariantIds,
} from '@app/contracts';
import fc from 'fast-check';
import request from 'supertest';
import { ALL_APPS } from '../support/admin';
import { complete, readyForCheckout } from '../support/checkout';
import { FuzzRequest, leaks, requestsFor, storeOperations } from '../support/store-fuzz';
import { createTestEnvironment, TestEnvironment } from '../support/test-environment';

/** A fixed seed in `npm test`; `npm run fuzz` draws a new one (printed) and runs longer. */
const SEED = Number(process.env.FUZZ_SEED ?? 20261202);
const RUNS = Number(process.env.FUZZ_RUNS ?? 6);

/**
 * Every store operation of Medusa's spec, called with generated requests — parameters and bodies
 * from the spec's schemas, and hostile values: wrong types, negative and huge numbers, 10 kB strings,
 * unicode, SQL and JSON meta characters, deep nesting, malformed JSON, bodies past the size limit,
 * repeated query keys. Every answer is a 2xx or a 4xx in Medusa's error body, in time, without a
 * stack trace or SQL; the apps are still up afterwards.
 */
describe(`fuzzing the store API (seed ${SEED}, ${RUNS} requests per operation)`, () => {
  let env: TestEnvironment;
  let gateway: string;
  const ids: string[] = [];

  const send = (fuzz: FuzzRequest) => {
    const plain = request(gateway)[fuzz.method](fuzz.url).timeout(10_000);
    const call =
      fuzz.publishableKey === null ? plain : plain.set('x-publishable-api-key', fuzz.publishableKey);
    return fuzz.body === null ? call : call.set('content-type', 'application/json').send(fuzz.body);
  };

  beforeAll(async () => {
    env = await createTestEnvironment({ apps: ALL_APPS, freshDatabase: true });
    gateway = env.url('gateway');
    const cart = await readyForCheckout(gateway, {
      items: [{ variant_id: DemoVariantIds.tote, quantity: 1 }],
    });
    const paid = await readyForCheckout(gateway, {
      items: [{ variant_id: DemoVariantIds.tote, quantity: 1 }],
    });
    const { data: order } = (await complete(gateway, paid.id).expect(200)).body;
    ids.push(
      cart.id,
      (cart.items as { id: string }[])[0].id,
      order.id,
      DemoRegionIds.europe,
      DemoRegionIds.china,
      DemoProductIds.canvasTote,
      DemoProductIds.giftCard,
      DemoVariantIds.tote,
      DemoShippingOptionIds.europeStandard,
      DemoGiftCardCodes.europe50,
      'manual',
      'cashier',
    );
  });
  afterAll(() => env.close());

  it.each(
    storeOperations().map((operation) => [`${operation.method.toUpperCase()} ${operation.path}`, operation]),
  )('%s answers 2xx or a Medusa 4xx, never a 5xx, a hang or a leak', async (_name, operation) => {
    await fc.assert(
      fc.asyncProperty(requestsFor(operation, ids), async (fuzz) => {
        const answer = await send(fuzz);
        const where = `${fuzz.method.toUpperCase()} ${fuzz.url.slice(0, 300)} → ${answer.status} ${answer.text.slice(0, 300)}`;
        if (answer.status >= 500) throw new Error(`5xx: ${where}`);
        const leak = leaks(answer.text);
        if (leak) throw new Error(`leak (${leak}): ${where}`);
        // Medusa answers a missing sign-in with the bare text `Unauthorized`; so does the gateway.
        if (answer.status >= 400 && !(answer.status === 401 && answer.text === 'Unauthorized')) {
          const body = answer.body as { type?: unknown; message?: unknown; errors?: unknown };
          const medusaError =
            (typeof body.type === 'string' && typeof body.message === 'string') || Array.isArray(body.errors);
          if (!medusaError) throw new Error(`not Medusa's error body: ${where}`);
        }
      }),
      { seed: SEED, numRuns: RUNS, endOnFailure: true },
    );
  });

  it('is still up after all of it', async () => {
    await request(gateway).get('/store/regions').expect(200);
    await request(gateway).get(`/store/products/${DemoProductIds.canvasTote}`).expect(200);
  });
});
