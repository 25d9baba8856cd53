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
