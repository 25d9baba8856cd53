import { DemoProductTypeIds, DemoVariantIds } from '@app/contracts';
import Medusa from '@medusajs/medusa-js';
import { stringify } from 'qs';
import request from 'supertest';
import { ALL_APPS } from '../support/admin';
import { complete, readyForCheckout } from '../support/checkout';
import { signedUpCustomer } from '../support/customers';
import { bodyProperties, exampleOf, storeOperations } from '../support/store-fuzz';
import { createTestEnvironment, TestEnvironment } from '../support/test-environment';

/**
 * Parameters Medusa's spec documents that a storefront sends, accepted and doing what Medusa does:
 * `discount_condition_id` on product tags and types, `shipping_address[postal_code]` on the order
 * lookup, `filter` on product search.
 */
describe('documented store parameters', () => {
  let env: TestEnvironment;
  let gateway: string;
  let medusa: Medusa;

  beforeAll(async () => {
    env = await createTestEnvironment({ apps: ALL_APPS, freshDatabase: true });
    gateway = env.url('gateway');
    medusa = new Medusa({ baseUrl: gateway, maxRetries: 0 });
  });
  afterAll(() => env.close());

  it('lists the product types and tags a discount condition names', async () => {
    const [condition] = await env.sql<{ id: string }>(
      `SELECT id FROM cart.discount_condition WHERE type = 'product_types'`,
    );
    const { product_types, count } = await medusa.productTypes.list({ discount_condition_id: condition.id });
    expect(count).toBe(1);
    expect(product_types.map((type: { id: string }) => type.id)).toEqual([DemoProductTypeIds.homeware]);
    const narrowed = await request(gateway)
      .get(`/store/product-types?discount_condition_id=${condition.id}&id[]=ptyp_other`)
      .expect(200);
    expect(narrowed.body).toMatchObject({ product_types: [], count: 0 });
    // A condition on types names no tags; an unknown condition names nothing.
    const tags = await request(gateway)
      .get(`/store/product-tags?discount_condition_id=${condition.id}`)
      .expect(200);
    expect(tags.body).toMatchObject({ product_tags: [], count: 0, offset: 0, limit: 20 });
    const unknown = await request(gateway)
      .get('/store/product-types?discount_condition_id=dcon_unknown')
      .expect(200);
    expect(unknown.body.product_types).toEqual([]);
  });

  it('finds an order by number and email, and by its shipping postal code when given', async () => {
    const cart = await readyForCheckout(gateway, {
      items: [{ variant_id: DemoVariantIds.tote, quantity: 1 }],
    });
    const { data: order } = (await complete(gateway, cart.id).expect(200)).body;
    const lookup = (extra: string) =>
      request(gateway).get(
        `/store/orders?display_id=${order.display_id}&email=${encodeURIComponent(order.email)}${extra}`,
      );
    expect((await lookup('').expect(200)).body.order.id).toBe(order.id);
    expect((await lookup('&shipping_address[postal_code]=75002').expect(200)).body.order.id).toBe(order.id);
    await lookup('&shipping_address[postal_code]=10115').expect(404);
    await lookup('&shipping_address[city]=Paris').expect(400);
  });

  it('takes a search filter as Medusa does without a search engine: accepted, the query searched', async () => {
    const { hits } = (await medusa.products.search({
      q: 'mug',
      filter: { type: 'Homeware' },
    } as never)) as unknown as {
      hits: { title: string }[];
    };
    expect(hits.map((hit) => hit.title)).toEqual(['Stoneware Mug']);
  });
});

/**
 * Every query parameter and body property Medusa's store spec documents, on every operation, sent
 * alone with a plain value of its documented type: none is refused as unknown ("property … should
 * not exist", what an undocumented one gets). The value may still be refused for what it is.
 */
describe('every documented store parameter is known', () => {
  let env: TestEnvironment;
  let gateway: string;
  let auth: Record<string, string>;

  beforeAll(async () => {
    env = await createTestEnvironment({ apps: ALL_APPS });
    gateway = env.url('gateway');
    auth = (await signedUpCustomer(gateway)).auth;
  });
  afterAll(() => env.close());

  const refusedAsUnknown = (body: { message?: unknown }, name: string) =>
    typeof body.message === 'string' && body.message.includes(`property ${name} should not exist`);

  it('in the query and the body of every operation', async () => {
    const unknown: string[] = [];
    let validated = 0;
    for (const operation of storeOperations()) {
      const path = operation.pathParams.reduce(
        (at, name) => at.replace(`{${name}}`, 'example'),
        operation.path,
      );
      const send = (query: object, body?: object) => {
        const search = stringify(query, { encodeValuesOnly: true });
        const call = request(gateway)
          [operation.method](search ? `${path}?${search}` : path)
          .set(auth);
        return body === undefined ? call : call.send(body);
      };
      for (const [name, schema] of Object.entries(operation.query)) {
        const answer = await send({ [name]: exampleOf(schema) });
        if (answer.status === 400 && refusedAsUnknown(answer.body, name))
          unknown.push(`${operation.method} ${operation.path} ?${name}`);
      }
      const properties = Object.entries(bodyProperties(operation.body));
      for (const [name, schema] of properties) {
        const answer = await send({}, { [name]: exampleOf(schema) });
        if (answer.status === 400 && refusedAsUnknown(answer.body, name))
          unknown.push(`${operation.method} ${operation.path} {${name}}`);
      }
      const probe =
        operation.method === 'get'
          ? await send({ not_documented: 1 })
          : await send({}, { not_documented: 1 });
      if (probe.status === 400 && refusedAsUnknown(probe.body, 'not_documented')) validated += 1;
    }
    expect(unknown).toEqual([]);
    // The check means something: the routes that take parameters refuse an undocumented one (those
    // that take none ignore it, as Medusa's routes without a validator do).
    expect(validated).toBeGreaterThanOrEqual(39);
  });
});
