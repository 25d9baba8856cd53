import { randomUUID } from 'node:crypto';
import request from 'supertest';

const PASSWORD = 'correct horse battery';

/** A customer who has just registered, signed in by access token. */
export interface SignedUpCustomer {
  id: string;
  email: string;
  /** The access token, as seed 002's `token` header carries it. */
  token: string;
  /** `Authorization: Bearer` with the token. */
  auth: Record<string, string>;
}

/** Registers a new customer at the gateway and signs them in with an access token. */
export async function signedUpCustomer(gateway: string): Promise<SignedUpCustomer> {
  const email = `customer-${randomUUID()}@example.com`;
  const created = await request(gateway)
    .post('/store/customers')
    .send({ first_name: 'Lin', last_name: 'Hui', email, password: PASSWORD })
    .expect(200);
  const { access_token } = (
    await request(gateway).post('/store/auth/token').send({ email, password: PASSWORD }).expect(200)
  ).body;
  return {
    id: created.body.customer.id as string,
    email,
    token: access_token as string,
    auth: { Authorization: `Bearer ${access_token}` },
  };
}

/** A Shanghai address with seed 004's mobile (`139****4768` masked). */
export const SHANGHAI_ADDRESS = {
  first_name: '慧',
  last_name: '林',
  address_1: '88 南京东路',
  city: '上海',
  province: '上海市',
  country_code: 'cn',
  postal_code: '200001',
  phone: '13912344768',
};

/**
 * A signed-up customer with the Shanghai address in their book and, when asked, points in the
 * ledger (written straight into it through `sql`, the test's database connection).
 */
export async function chineseShopper(
  gateway: string,
  sql: (text: string, values: unknown[]) => Promise<unknown>,
  points = 0,
): Promise<SignedUpCustomer & { address_id: string }> {
  const member = await signedUpCustomer(gateway);
  const book = await request(gateway)
    .post('/store/customers/me/addresses')
    .set(member.auth)
    .send({ address: SHANGHAI_ADDRESS })
    .expect(200);
  if (points) {
    await sql('INSERT INTO payment.points_balance (customer_id, balance) VALUES ($1, $2)', [
      member.id,
      points,
    ]);
  }
  return { ...member, address_id: book.body.customer.shipping_addresses[0].id as string };
}
