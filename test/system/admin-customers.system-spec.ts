import { DemoVariantIds as V } from '@app/contracts';
import request from 'supertest';
import { adminHeaders } from '../support/admin';
import { complete, readyForCheckout } from '../support/checkout';
import { SignedUpCustomer, signedUpCustomer } from '../support/customers';
import { Json } from '../support/store-carts';
import { createTestEnvironment, TestEnvironment } from '../support/test-environment';

/**
 * The merchant finds customers (Medusa v1's `GET /admin/customers[/{id}]`) to put them in groups:
 * by email or name, by group, by account; one customer with addresses, groups and orders.
 */
describe('admin customers', () => {
  let env: TestEnvironment;
  let gateway: string;
  let admin: Record<string, string>;
  let buyer: SignedUpCustomer;
  let other: SignedUpCustomer;
  let group: Json;
  let orderId: string;

  const list = async (query: string) =>
    (await request(gateway).get(`/admin/customers${query}`).set(admin).expect(200)).body;

  beforeAll(async () => {
    env = await createTestEnvironment({
      apps: ['catalog', 'cart', 'payment', 'order', 'customer', 'gateway'],
      freshDatabase: true,
    });
    gateway = env.url('gateway');
    admin = await adminHeaders(gateway);
    buyer = await signedUpCustomer(gateway);
    other = await signedUpCustomer(gateway);
    group = (
      await request(gateway).post('/admin/customer-groups').set(admin).send({ name: 'tea club' }).expect(200)
    ).body.customer_group;
    await request(gateway)
      .post(`/admin/customer-groups/${group.id}/customers/batch`)
      .set(admin)
      .send({ customer_ids: [{ id: buyer.id }] })
      .expect(200);
    const cart = await readyForCheckout(gateway, {
      items: [{ variant_id: V.mugWhite, quantity: 1 }],
      headers: buyer.auth,
    });
    orderId = (await complete(gateway, cart.id).set(buyer.auth).expect(200)).body.data.id;
  });
  afterAll(() => env.close());

  it('serves only the merchant', async () => {
    await request(gateway).get('/admin/customers').expect(401);
    await request(gateway).get(`/admin/customers/${buyer.id}`).set(buyer.auth).expect(401);
  });

  it('finds customers by email, by group and by account, newest first, with their groups', async () => {
    const byEmail = await list(`?q=${encodeURIComponent(buyer.email.slice(0, 20))}`);
    expect(byEmail).toMatchObject({ count: 1, offset: 0, limit: 50 });
    expect(byEmail.customers[0]).toMatchObject({
      id: buyer.id,
      email: buyer.email,
      has_account: true,
      groups: [{ id: group.id, name: 'tea club' }],
    });
    expect(byEmail.customers[0]).not.toHaveProperty('password_hash');

    const members = await list(`?groups[]=${group.id}`);
    expect(members.customers.map((customer: Json) => customer.id)).toEqual([buyer.id]);

    const registered = await list('?has_account=true&limit=1');
    expect(registered.customers.map((customer: Json) => customer.id)).toEqual([other.id]);
    expect(registered.count).toBeGreaterThanOrEqual(2);
    expect((await list('?has_account=true&limit=1&offset=1')).customers[0].id).toBe(buyer.id);

    expect((await list('?q=nobody-by-that-name')).customers).toEqual([]);
    const bad = await request(gateway).get('/admin/customers?has_account=maybe').set(admin);
    expect(bad.status).toBe(400);
    expect(bad.body.type).toBe('invalid_data');
  });

  it('shows one customer with groups and orders, and 404 for an unknown one', async () => {
    const { customer } = (await request(gateway).get(`/admin/customers/${buyer.id}`).set(admin).expect(200))
      .body;
    expect(customer).toMatchObject({
      id: buyer.id,
      groups: [{ id: group.id }],
      shipping_addresses: [],
      orders: [{ id: orderId, customer_id: buyer.id }],
    });
    const lone = (await request(gateway).get(`/admin/customers/${other.id}`).set(admin).expect(200)).body;
    expect(lone.customer).toMatchObject({ groups: [], orders: [] });

    const unknown = await request(gateway).get('/admin/customers/cus_01NOPE').set(admin).expect(404);
    expect(unknown.body).toMatchObject({
      type: 'not_found',
      message: 'Customer with id cus_01NOPE was not found',
    });
  });
});
