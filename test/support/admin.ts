import { AppName } from '@app/platform';
import request from 'supertest';

/** Every app of the store: what the merchant's after-sale routes reach. */
export const ALL_APPS: AppName[] = [
  'catalog',
  'cart',
  'payment',
  'order',
  'customer',
  'notification',
  'gateway',
];

/** The demo merchant signed in (the first admin the test environment creates): its Bearer headers. */
export async function adminHeaders(gateway: string): Promise<Record<string, string>> {
  const { access_token } = (
    await request(gateway)
      .post('/admin/auth/token')
      .send({ email: 'admin@example.com', password: 'supersecret' })
      .expect(200)
  ).body;
  return { Authorization: `Bearer ${access_token}` };
}
