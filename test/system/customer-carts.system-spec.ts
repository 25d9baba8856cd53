import { DEMO_VIP_CUSTOMER_GROUP_ID, DemoRegionIds, DemoVariantIds as V } from '@app/contracts';
import Medusa from '@medusajs/medusa-js';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { medusaSchemaErrors } from '../support/medusa-spec';
import { createTestEnvironment, eventually, TestEnvironment } from '../support/test-environment';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const PASSWORD = 'correct horse battery';

/**
 * A signed-in customer's carts and orders, through medusa-js: a cart becomes theirs (and priced for
 * their group), only they reach it, its order is theirs and listed under /customers/me/orders.
 */
describe('store API: carts and orders of a signed-in customer', () => {
  let env: TestEnvironment;
  let medusa: Medusa;
  let gateway: string;
  let serial = 0;

  const mailDir = mkdtempSync(join(tmpdir(), 'claim-mail-'));

  /** A new customer with an account, signed in by token; in the VIP group when asked. */
  const customer = async (vip = false, email = `member-${Date.now()}-${(serial += 1)}@example.com`) => {
    const { customer: created } = (await medusa.customers.create({
      first_name: 'Grace',
      last_name: 'Hopper',
      email,
      password: PASSWORD,
    })) as Json;
    if (vip) {
      await env.sql(
        'INSERT INTO customer.customer_group_customer (customer_group_id, customer_id) VALUES ($1, $2)',
        [DEMO_VIP_CUSTOMER_GROUP_ID, created.id],
      );
    }
    const { access_token } = (await medusa.auth.getToken({ email, password: PASSWORD })) as Json;
    return { id: created.id as string, email, auth: { Authorization: `Bearer ${access_token}` } };
  };

  beforeAll(async () => {
    env = await createTestEnvironment({
      apps: ['catalog', 'cart', 'payment', 'order', 'customer', 'notification', 'gateway'],
      // No cashier runs here: a shop keeping no cards on file lists none without asking it.
      env: {
        MAIL_TRANSPORT: 'file',
        MAIL_DIR: mailDir,
        WEBHOOK_POLL_MS: '50',
        CASHIER_CARDS_ON_FILE: 'false',
      },
    });
    gateway = env.url('gateway');
    medusa = new Medusa({ baseUrl: gateway, maxRetries: 0 });
  });
  afterAll(() => env.close());

  it('a guest cart updated by a member becomes theirs, at their group price, and its order is listed as theirs', async () => {
    const member = await customer(true);
    let { cart } = (await medusa.carts.create({
      region_id: DemoRegionIds.europe,
      items: [{ variant_id: V.teeSmallWhite, quantity: 1 }],
    })) as Json;
    expect(cart.customer_id).toBeNull();
    expect(cart.items[0].unit_price).toBe(1950);

    ({ cart } = (await medusa.carts.update(
      cart.id,
      {
        shipping_address: {
          first_name: 'Grace',
          last_name: 'Hopper',
          address_1: '1 Rue de la Paix',
          city: 'Paris',
          country_code: 'fr',
          postal_code: '75002',
        },
      },
      member.auth,
    )) as Json);
    expect(cart).toMatchObject({ customer_id: member.id, email: member.email });
    expect(cart.items[0].unit_price).toBe(1500); // the VIP override

    // Now only the member reaches it: a guest and another customer get the 404 of an unknown cart.
    await request(gateway).get(`/store/carts/${cart.id}`).expect(404);
    const stranger = await customer();
    await request(gateway).get(`/store/carts/${cart.id}`).set(stranger.auth).expect(404);
    await request(gateway)
      .post(`/store/carts/${cart.id}/line-items`)
      .set(stranger.auth)
      .send({ variant_id: V.teeSmallWhite, quantity: 1 })
      .expect(404);

    const { shipping_options } = (await medusa.shippingOptions.listCartOptions(cart.id, member.auth)) as Json;
    const standard = shipping_options.find((option: Json) => option.name === 'Standard Shipping');
    await medusa.carts.addShippingMethod(cart.id, { option_id: standard.id }, member.auth);
    await medusa.carts.createPaymentSessions(cart.id, member.auth);
    await medusa.carts.setPaymentSession(cart.id, { provider_id: 'manual' }, member.auth);
    await request(gateway).post(`/store/carts/${cart.id}/complete`).expect(404);
    const completed = (await medusa.carts.complete(cart.id, member.auth)) as Json;
    expect(completed.type).toBe('order');
    expect(completed.data.customer_id).toBe(member.id);

    const mine = (await medusa.customers.listOrders({ limit: 5 }, member.auth)) as Json;
    expect(medusaSchemaErrors('StoreCustomersListOrdersRes', mine)).toBeNull();
    expect(mine).toMatchObject({ count: 1, offset: 0, limit: 5 });
    expect(mine.orders[0]).toMatchObject({ id: completed.data.id, customer_id: member.id });
    const session = (await medusa.auth.getSession(member.auth)) as Json;
    expect(medusaSchemaErrors('StoreAuthRes', { customer: session.customer })).toBeNull();
    expect(session.customer.orders.map((placed: Json) => placed.id)).toEqual([completed.data.id]);
    expect(session.customer.orders[0].items).toHaveLength(1);
    const theirs = (await medusa.customers.listOrders({}, stranger.auth)) as Json;
    expect(theirs).toMatchObject({ orders: [], count: 0, limit: 10 });
    const filtered = (await medusa.customers.listOrders(
      { payment_status: ['captured'] } as Json,
      member.auth,
    )) as Json;
    expect(filtered.count).toBe(0);
    const yesterday = new Date(Date.now() - 86_400_000).toISOString();
    const recent = (await medusa.customers.listOrders(
      { created_at: { gt: yesterday } } as Json,
      member.auth,
    )) as Json;
    expect(recent.count).toBe(1);
    const older = (await medusa.customers.listOrders(
      { created_at: { lt: yesterday } } as Json,
      member.auth,
    )) as Json;
    expect(older.count).toBe(0);
    await request(gateway)
      .get('/store/customers/me/orders')
      .set(member.auth)
      .query({ unknown: 1 })
      .expect(400);
  });

  it("ships to an address of the member's book given by id, never to another's", async () => {
    const member = await customer();
    const book = {
      first_name: 'Grace',
      last_name: 'Hopper',
      address_1: '2 Quai',
      city: 'Lyon',
      country_code: 'fr',
      postal_code: '69002',
    };
    const { customer: withBook } = (await medusa.customers.addresses.addAddress(
      { address: book },
      member.auth,
    )) as Json;
    const bookId = withBook.shipping_addresses[0].id;
    const { cart } = (await medusa.carts.create({ region_id: DemoRegionIds.europe }, member.auth)) as Json;
    const shipped = ((await medusa.carts.update(cart.id, { shipping_address: bookId }, member.auth)) as Json)
      .cart;
    expect(shipped.shipping_address).toMatchObject(book);
    expect(shipped.shipping_address.id).not.toBe(bookId); // copied onto the cart

    const stranger = await customer();
    const { cart: theirs } = (await medusa.carts.create(
      { region_id: DemoRegionIds.europe },
      stranger.auth,
    )) as Json;
    for (const id of [bookId, shipped.shipping_address.id]) {
      await request(gateway)
        .post(`/store/carts/${theirs.id}`)
        .set(stranger.auth)
        .send({ shipping_address: id })
        .expect(404);
    }
    const { cart: guestCart } = (await medusa.carts.create({ region_id: DemoRegionIds.europe })) as Json;
    await request(gateway)
      .post(`/store/carts/${guestCart.id}`)
      .send({ billing_address: shipped.shipping_address.id })
      .expect(404);
  });

  it('a cart a member creates is theirs from the start; a body naming another customer is refused', async () => {
    const member = await customer();
    const { cart } = (await medusa.carts.create({ region_id: DemoRegionIds.europe }, member.auth)) as Json;
    expect(cart).toMatchObject({ customer_id: member.id, email: member.email });
    const refused = await request(gateway)
      .post('/store/carts')
      .set(member.auth)
      .send({ customer_id: 'cus_someone_else' })
      .expect(400);
    expect(refused.body).toMatchObject({ type: 'not_allowed' });
    await request(gateway).post('/store/carts').send({ customer_id: member.id }).expect(400);
  });

  /** A guest's completed order, placed with `email`. */
  const guest = async (email = 'same-guest@example.com') => {
    const { cart } = (await medusa.carts.create({
      region_id: DemoRegionIds.europe,
      items: [{ variant_id: V.teeSmallWhite, quantity: 1 }],
    })) as Json;
    await medusa.carts.update(cart.id, {
      email,
      shipping_address: {
        first_name: 'G',
        last_name: 'G',
        address_1: 'x',
        city: 'Paris',
        country_code: 'fr',
        postal_code: '1',
      },
    });
    const { shipping_options } = (await medusa.shippingOptions.listCartOptions(cart.id)) as Json;
    await medusa.carts.addShippingMethod(cart.id, { option_id: shipping_options[0].id });
    await medusa.carts.createPaymentSessions(cart.id);
    await medusa.carts.setPaymentSession(cart.id, { provider_id: 'manual' });
    return ((await medusa.carts.complete(cart.id)) as Json).data;
  };

  it('a guest order has a customer of its own, not one derived from its email', async () => {
    const [first, second] = [await guest(), await guest()];
    expect(first.customer_id).toMatch(/^cus_/);
    expect(second.customer_id).toMatch(/^cus_/);
    expect(first.customer_id).not.toBe(second.customer_id);
  });

  it('guest orders move to a customer only through the token mailed to their email, once', async () => {
    const guestEmail = `guest-${Date.now()}@example.com`;
    const order = await guest(guestEmail);
    // Registering with the guest's email attaches nothing.
    const member = await customer(false, guestEmail);
    expect(((await medusa.customers.listOrders({}, member.auth)) as Json).count).toBe(0);

    await request(gateway)
      .post('/store/orders/batch/customer/token')
      .send({ order_ids: [order.id] })
      .expect(401);
    // medusa-js asks, as a storefront does (Medusa answers a bare 200 OK).
    await medusa.orders.requestCustomerOrders({ order_ids: [order.id] }, member.auth);
    let token: string | undefined;
    await eventually(
      async () => {
        const mail = readdirSync(mailDir)
          .map((file) => JSON.parse(readFileSync(join(mailDir, file), 'utf8')))
          .find((candidate) => candidate.to[0].address === guestEmail && candidate.subject.includes('Claim'));
        token = mail && /确认: (\S+)/.exec(mail.text)?.[1];
        return token !== undefined;
      },
      10_000,
      'claim mail',
    );
    const confirm = (auth: Record<string, string>, claim = token) =>
      request(gateway).post('/store/orders/customer/confirm').set(auth).send({ token: claim });
    const stranger = await customer();
    await confirm(stranger.auth).expect(401);
    await confirm(member.auth, 'not-the-token').expect(401);
    await medusa.orders.confirmRequest({ token: token as string }, member.auth);
    await confirm(member.auth).expect(401); // once
    const mine = (await medusa.customers.listOrders({}, member.auth)) as Json;
    expect(mine.count).toBe(1);
    expect(mine.orders[0]).toMatchObject({ id: order.id, customer_id: member.id });
    // An order that belongs to an account cannot be claimed again.
    const again = await request(gateway)
      .post('/store/orders/batch/customer/token')
      .set(stranger.auth)
      .send({ order_ids: [order.id] })
      .expect(400);
    expect(again.body).toMatchObject({ type: 'not_allowed' });
  });

  it('throttles the guest order lookup per email, for every gateway replica alike', async () => {
    const order = await guest(`lookup-${Date.now()}@example.com`);
    const lookup = (email: string) =>
      request(gateway).get('/store/orders').query({ display_id: order.display_id, email });
    // LOOKUP_LIMIT is 10 by default: ten lookups of an email, then 429 until the window ends.
    for (let attempt = 0; attempt < 10; attempt += 1) await lookup(order.email).expect(200);
    const refused = await lookup(order.email.toUpperCase()).expect(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    await request(gateway)
      .get('/store/orders')
      .query({ display_id: order.display_id, email: 'other@example.com' })
      .expect(404);
  });

  it('lists nothing and refuses without a sign-in; a new customer has no payment methods kept', async () => {
    expect((await request(gateway).get('/store/customers/me/orders').expect(401)).text).toBe('Unauthorized');
    const member = await customer();
    const methods = (await medusa.customers.paymentMethods.list(member.auth)) as Json;
    expect(medusaSchemaErrors('StoreCustomersListPaymentMethodsRes', methods)).toBeNull();
    expect(methods.payment_methods).toEqual([]);
  });
});
