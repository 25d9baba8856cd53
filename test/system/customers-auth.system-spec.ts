import Medusa from '@medusajs/medusa-js';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { medusaSchemaErrors } from '../support/medusa-spec';
import { createTestEnvironment, eventually, TestEnvironment } from '../support/test-environment';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const PASSWORD = 'correct horse battery';
const ADDRESS = {
  first_name: 'Ada',
  last_name: 'Lovelace',
  address_1: '1 Rue de la Paix',
  city: 'Paris',
  country_code: 'fr',
  postal_code: '75002',
};

/** Registration, sign-in by cookie and by token, the customer's details and address book, admin sign-in. */
describe('store API: customers and auth', () => {
  let env: TestEnvironment;
  let gateway: string;
  let medusa: Medusa;
  let serial = 0;
  const email = () => `shopper-${Date.now()}-${(serial += 1)}@example.com`;
  const register = (address: string) =>
    medusa.customers.create({ first_name: 'Ada', last_name: 'Lovelace', email: address, password: PASSWORD });
  const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
  const tokenOf = async (address: string, password = PASSWORD) =>
    ((await medusa.auth.getToken({ email: address, password })) as Json).access_token as string;

  const mailDir = mkdtempSync(join(tmpdir(), 'customer-mail-'));
  /** The reset token of the newest mail to `address`, once it was sent. */
  const mailedToken = async (address: string, after: number): Promise<string> => {
    let token: string | undefined;
    await eventually(
      async () => {
        const mails = readdirSync(mailDir)
          .map((file) => JSON.parse(readFileSync(join(mailDir, file), 'utf8')))
          .filter((mail) => mail.to[0].address === address && mail.text.includes('重置令牌'));
        token = mails.length > after ? /重置令牌: (\S+)/.exec(mails[mails.length - 1].text)?.[1] : undefined;
        return token !== undefined;
      },
      10_000,
      'reset mail',
    );
    return token as string;
  };

  beforeAll(async () => {
    env = await createTestEnvironment({
      apps: ['customer', 'notification', 'payment', 'order', 'gateway'],
      env: {
        SIGN_IN_LIMIT: '3',
        LOOKUP_LIMIT: '3',
        MAIL_TRANSPORT: 'file',
        MAIL_DIR: mailDir,
        WEBHOOK_POLL_MS: '50',
      },
    });
    gateway = env.url('gateway');
    medusa = new Medusa({ baseUrl: gateway, maxRetries: 0 });
  });
  afterAll(() => env.close());

  it('registers through medusa-js, signs in with a cookie and a token, and shows the same customer', async () => {
    const address = email();
    const { customer } = (await register(address)) as Json;
    expect(medusaSchemaErrors('StoreCustomersRes', { customer })).toBeNull();
    expect(customer).toMatchObject({
      email: address,
      first_name: 'Ada',
      has_account: true,
      shipping_addresses: [],
    });
    expect(customer).not.toHaveProperty('password_hash');

    const signedIn = await request(gateway)
      .post('/store/auth')
      .send({ email: address, password: PASSWORD })
      .expect(200);
    expect(medusaSchemaErrors('StoreAuthRes', signedIn.body)).toBeNull();
    const cookie = signedIn.headers['set-cookie'][0] as string;
    expect(cookie).toMatch(
      /^connect\.sid=s%3A[^;]+; Path=\/; Max-Age=\d+; Expires=[^;]+; HttpOnly; SameSite=Lax$/,
    );
    const session = cookie.split(';')[0];
    const me = await request(gateway).get('/store/auth').set('Cookie', session).expect(200);
    expect(medusaSchemaErrors('StoreAuthRes', me.body)).toBeNull();
    expect(me.body.customer).toMatchObject({ id: customer.id, orders: [], shipping_addresses: [] });

    // medusa-js signs in with a session too (its cookie is the browser's business).
    const viaClient = (await medusa.auth.authenticate({ email: address, password: PASSWORD })) as Json;
    expect(viaClient.customer.id).toBe(customer.id);

    const token = await tokenOf(address);
    // Seed 002's clients send the same token in a `token` header.
    const viaSeedHeader = await request(gateway).get('/store/customers/me').set('token', token).expect(200);
    expect(viaSeedHeader.body.customer.id).toBe(customer.id);
    await request(gateway).get('/store/customers/me').set('token', 'forged').expect(401);
    const viaToken = (await medusa.customers.retrieve(bearer(token))) as Json;
    expect(medusaSchemaErrors('StoreCustomersRes', viaToken)).toBeNull();
    expect(viaToken.customer.id).toBe(customer.id);

    // Sign-out ends the session on the server: the old cookie no longer signs anyone in.
    const out = await request(gateway).delete('/store/auth').set('Cookie', session).expect(200);
    expect(out.text).toBe('OK');
    expect(out.headers['set-cookie'][0]).toMatch(/^connect\.sid=; .*Max-Age=0/);
    const after = await request(gateway).get('/store/auth').set('Cookie', session).expect(401);
    expect(after.text).toBe('Unauthorized');
  });

  it('lets a browser storefront send credentials and the Authorization header (CORS)', async () => {
    const preflight = await request(gateway)
      .options('/store/customers/me')
      .set('Origin', 'http://localhost:8000')
      .set('Access-Control-Request-Method', 'GET')
      .set('Access-Control-Request-Headers', 'authorization,token,content-type')
      .expect(204);
    expect(preflight.headers['access-control-allow-origin']).toBe('http://localhost:8000');
    expect(preflight.headers['access-control-allow-credentials']).toBe('true');
    expect(preflight.headers['access-control-allow-headers']).toMatch(/authorization/i);
    expect(preflight.headers['access-control-allow-headers']).toMatch(/\btoken\b/i);
  });

  it('keeps the details and the address book of the signed-in customer only', async () => {
    const address = email();
    await register(address);
    const token = await tokenOf(address);
    let { customer } = (await medusa.customers.update(
      { first_name: 'Augusta', phone: '+33 1 23' },
      bearer(token),
    )) as Json;
    expect(customer).toMatchObject({ first_name: 'Augusta', phone: '+33 1 23' });
    ({ customer } = (await medusa.customers.addresses.addAddress(
      { address: ADDRESS },
      bearer(token),
    )) as Json);
    expect(medusaSchemaErrors('StoreCustomersRes', { customer })).toBeNull();
    expect(customer.shipping_addresses).toHaveLength(1);
    const [book] = customer.shipping_addresses;
    expect(book).toMatchObject({ ...ADDRESS, customer_id: customer.id });
    ({ customer } = (await medusa.customers.addresses.updateAddress(
      book.id,
      { city: 'Lyon' },
      bearer(token),
    )) as Json);
    expect(customer.shipping_addresses[0].city).toBe('Lyon');
    ({ customer } = (await medusa.customers.update({ billing_address: book.id }, bearer(token))) as Json);
    expect(customer.billing_address_id).toBe(book.id);

    // Another customer cannot see, change or remove it: the same 404 as an unknown address.
    const stranger = email();
    await register(stranger);
    const theirs = await tokenOf(stranger);
    const change = await request(gateway)
      .post(`/store/customers/me/addresses/${book.id}`)
      .set(bearer(theirs))
      .send({ city: 'Nice' })
      .expect(404);
    expect(change.body).toMatchObject({ type: 'not_found' });
    await request(gateway).delete(`/store/customers/me/addresses/${book.id}`).set(bearer(theirs)).expect(404);
    await request(gateway)
      .post('/store/customers/me')
      .set(bearer(theirs))
      .send({ billing_address: book.id })
      .expect(404);

    ({ customer } = (await medusa.customers.addresses.deleteAddress(book.id, bearer(token))) as Json);
    expect(customer.shipping_addresses).toEqual([]);
  });

  it('refuses without a sign-in, with a bad or foreign token, and an admin token on a store route', async () => {
    for (const path of ['/store/auth', '/store/customers/me']) {
      const anonymous = await request(gateway).get(path).expect(401);
      expect(anonymous.text).toBe('Unauthorized');
      await request(gateway).get(path).set(bearer('not.a.token')).expect(401);
      await request(gateway).get(path).set('Cookie', 'connect.sid=s%3Aforged.signature').expect(401);
    }
    const admin = (
      await request(gateway)
        .post('/admin/auth/token')
        .send({ email: 'admin@example.com', password: 'supersecret' })
        .expect(200)
    ).body.access_token;
    await request(gateway).get('/store/customers/me').set(bearer(admin)).expect(401);
    const customer = email();
    await register(customer);
    await request(gateway)
      .get('/admin/auth')
      .set(bearer(await tokenOf(customer)))
      .expect(401);
    const adminMe = await request(gateway).get('/admin/auth').set(bearer(admin)).expect(200);
    expect(adminMe.body.user.id).toMatch(/^usr_/);
    const adminCookie = await request(gateway)
      .post('/admin/auth')
      .send({ email: 'admin@example.com', password: 'supersecret' })
      .expect(200);
    await request(gateway)
      .get('/admin/auth')
      .set('Cookie', adminCookie.headers['set-cookie'][0].split(';')[0])
      .expect(200);
  });

  it('answers an unknown email and a wrong password with the same 401, and bad input with a 400 naming the field', async () => {
    const address = email();
    await register(address);
    const wrong = await request(gateway)
      .post('/store/auth')
      .send({ email: address, password: 'not the password' });
    const unknown = await request(gateway)
      .post('/store/auth')
      .send({ email: email(), password: 'not the password' });
    expect([wrong.status, unknown.status]).toEqual([401, 401]);
    expect(wrong.text).toBe(unknown.text);
    await request(gateway)
      .post('/store/auth/token')
      .send({ email: address, password: 'nope-nope' })
      .expect(401);

    const duplicate = await request(gateway)
      .post('/store/customers')
      .send({ first_name: 'A', last_name: 'B', email: address.toUpperCase(), password: PASSWORD })
      .expect(422);
    expect(duplicate.body).toMatchObject({
      type: 'duplicate_error',
      message: 'A customer with the given email already has an account. Log in instead.',
    });
    const malformed = await request(gateway)
      .post('/store/customers')
      .send({ first_name: 'A', last_name: 'B', email: 'not-an-email', password: PASSWORD })
      .expect(400);
    expect(malformed.body).toMatchObject({ type: 'invalid_data' });
    expect(malformed.body.message).toContain('email');
    const missing = await request(gateway)
      .post('/store/customers')
      .send({ email: email(), password: PASSWORD })
      .expect(400);
    expect(missing.body.message).toContain('first_name');
  });

  it('tells whether an email has an account, and throttles sign-ins and lookups per email', async () => {
    const address = email();
    await register(address);
    expect((await medusa.auth.exists(address)) as Json).toMatchObject({ exists: true });
    expect((await medusa.auth.exists(email())) as Json).toMatchObject({ exists: false });

    // SIGN_IN_LIMIT=3 here: three failures, then every attempt (the right password too) is a 429.
    for (let attempt = 0; attempt < 3; attempt += 1) {
      await request(gateway)
        .post('/store/auth')
        .send({ email: address, password: 'wrong-password' })
        .expect(401);
    }
    const throttled = await request(gateway)
      .post('/store/auth')
      .send({ email: address, password: PASSWORD })
      .expect(429);
    expect(Number(throttled.headers['retry-after'])).toBeGreaterThan(0);
    expect(throttled.body).toMatchObject({ type: 'not_allowed', code: 'too_many_requests' });
    // An unknown email is throttled the same way.
    const nobody = email();
    for (let attempt = 0; attempt < 3; attempt += 1) {
      await request(gateway)
        .post('/store/auth/token')
        .send({ email: nobody, password: 'wrong-password' })
        .expect(401);
    }
    await request(gateway)
      .post('/store/auth/token')
      .send({ email: nobody, password: 'wrong-password' })
      .expect(429);

    const looked = email();
    for (let attempt = 0; attempt < 3; attempt += 1)
      await request(gateway).get(`/store/auth/${looked}`).expect(200);
    await request(gateway).get(`/store/auth/${looked}`).expect(429);
  });

  it('resets a password with the mailed token: once, until it expires, never after the password changed', async () => {
    const address = email();
    await register(address);
    await request(gateway).post('/store/customers/password-token').send({ email: address }).expect(204);
    await request(gateway).post('/store/customers/password-token').send({ email: email() }).expect(204);
    const token = await mailedToken(address, 0);

    const reset = (body: object) => request(gateway).post('/store/customers/password-reset').send(body);
    await reset({ email: address, password: 'a brand new one', token: 'not-the-token' }).expect(401);
    await reset({ email: email(), password: 'a brand new one', token }).expect(401);
    const done = (await medusa.customers.resetPassword({
      email: address,
      password: 'a brand new one',
      token,
    })) as Json;
    expect(medusaSchemaErrors('StoreCustomersResetPasswordRes', { customer: done.customer })).toBeNull();
    await request(gateway)
      .post('/store/auth')
      .send({ email: address, password: 'a brand new one' })
      .expect(200);
    await request(gateway).post('/store/auth').send({ email: address, password: PASSWORD }).expect(401);
    await reset({ email: address, password: 'yet another one', token }).expect(401); // used

    // A token made before the password changed is dead.
    await medusa.customers.generatePasswordToken({ email: address });
    const older = await mailedToken(address, 1);
    const signedIn = await tokenOf(address, 'a brand new one');
    await medusa.customers.update({ password: 'changed meanwhile' }, bearer(signedIn));
    await reset({ email: address, password: 'too late now', token: older }).expect(401);

    // An expired token is dead too.
    await medusa.customers.generatePasswordToken({ email: address });
    const expiring = await mailedToken(address, 2);
    await env.sql(
      "UPDATE customer.password_token SET expires_at = now() - interval '1 second' WHERE used_at IS NULL",
    );
    await reset({ email: address, password: 'too late now', token: expiring }).expect(401);
    const [stored] = await env.sql<{ n: number }>(
      'SELECT count(*)::int AS n FROM customer.password_token WHERE token_hash = $1',
      [expiring],
    );
    expect(stored.n).toBe(0); // only its hash is kept
  });

  it("shows the customer's points, which only an admin adjusts, once per Idempotency-Key", async () => {
    const address = email();
    const { customer } = (await register(address)) as Json;
    const token = await tokenOf(address);
    const admin = (
      await request(gateway)
        .post('/admin/auth/token')
        .send({ email: 'admin@example.com', password: 'supersecret' })
        .expect(200)
    ).body.access_token as string;
    const adjust = (auth: Record<string, string>, delta: number, key?: string) => {
      const call = request(gateway).post(`/admin/customers/${customer.id}/points`).set(auth);
      return (key ? call.set('Idempotency-Key', key) : call).send({ delta, reason: 'welcome gift' });
    };
    await adjust(bearer(token), 500).expect(401);
    expect((await adjust(bearer(admin), 500, 'gift-1').expect(200)).body).toEqual({
      balance: 500,
      applied: true,
    });
    expect((await adjust(bearer(admin), 500, 'gift-1').expect(200)).body).toMatchObject({ balance: 500 });
    const refused = await adjust(bearer(admin), -501).expect(400);
    expect(refused.body).toMatchObject({ type: 'not_allowed', code: 'insufficient_points' });
    await adjust(bearer(admin), 0).expect(400);

    const mine = await request(gateway).get('/store/customers/me/points').set(bearer(token)).expect(200);
    expect(mine.body).toMatchObject({ balance: 500, count: 1, offset: 0, limit: 20 });
    expect(mine.body.entries).toEqual([
      expect.objectContaining({ type: 'adjust', points: 500, reason: 'welcome gift', order_id: null }),
    ]);
    await request(gateway).get('/store/customers/me/points').expect(401);
  });

  it('of twenty registrations of one email at once, exactly one creates the customer', async () => {
    const address = email();
    const attempts = await Promise.all(
      Array.from({ length: 20 }, () =>
        request(gateway)
          .post('/store/customers')
          .send({ first_name: 'A', last_name: 'B', email: address, password: PASSWORD }),
      ),
    );
    expect(attempts.map((attempt) => attempt.status).sort()).toEqual([200, ...Array(19).fill(422)]);
    const [{ n }] = await env.sql<{ n: number }>(
      'SELECT count(*)::int AS n FROM customer.customer WHERE email = $1',
      [address],
    );
    expect(n).toBe(1);
  });
});
