import { Client } from 'pg';
import { AuthPruning } from '../src/auth/auth-pruning.service';
import { createTestEnvironment } from '../../../test/support/test-environment';

/** Old sessions, reset tokens and throttle counters are deleted a day after they stopped counting. */
describe('customer app: pruning what no longer signs anyone in', () => {
  it('deletes ended, expired and used rows older than a day, and keeps the live ones', async () => {
    const env = await createTestEnvironment({ apps: ['customer'], freshDatabase: true });
    const db = new Client({ connectionString: env.env.DATABASE_URL });
    try {
      await db.connect();
      await db.query(
        `INSERT INTO customer.customer (id, email, has_account) VALUES ('cus_prune', 'p@example.com', true)`,
      );
      await db.query(`
        INSERT INTO customer.session (id, actor, actor_id, expires_at, ended_at) VALUES
          ('live', 'customer', 'cus_prune', now() + interval '1 day', NULL),
          ('ended-long-ago', 'customer', 'cus_prune', now() + interval '1 day', now() - interval '2 days'),
          ('expired-long-ago', 'customer', 'cus_prune', now() - interval '3 days', NULL),
          ('ended-just-now', 'customer', 'cus_prune', now() + interval '1 day', now());
        INSERT INTO customer.password_token (token_hash, customer_id, expires_at, used_at) VALUES
          ('fresh', 'cus_prune', now() + interval '1 hour', NULL),
          ('used-long-ago', 'cus_prune', now() + interval '1 hour', now() - interval '2 days');
        INSERT INTO customer.throttle (key, window_started_at, hits) VALUES
          ('now', now(), 3), ('old', now() - interval '2 days', 10);
      `);
      await env.app('customer').app.get(AuthPruning).prune();
      const ids = async (sql: string) =>
        (await db.query(sql)).rows.map((row) => Object.values(row)[0]).sort();
      expect(await ids('SELECT id FROM customer.session')).toEqual(['ended-just-now', 'live']);
      expect(await ids('SELECT token_hash FROM customer.password_token')).toEqual(['fresh']);
      expect(await ids('SELECT key FROM customer.throttle')).toEqual(['now']);
    } finally {
      await db.end();
      await env.close();
    }
  });
});
