import { startApp } from '@app/platform';
import { Client } from 'pg';
import { CustomerModule } from '../src/customer.module';
import { createTestEnvironment } from '../../../test/support/test-environment';

/** Production, with the schema migrated at start (as the migrate job would have done). */
// The run's NATS server has no users: it takes any password, as production's would take the app's.
const PRODUCTION = {
  NODE_ENV: 'production',
  CUSTOMER_PORT: '0',
  MIGRATE_ON_START: 'true',
  NATS_PASSWORD: 'x',
};

/** The first admin user: from ADMIN_EMAIL / ADMIN_PASSWORD, required in production when none exists. */
describe('customer app: the first admin', () => {
  it('refuses to start in production when no admin exists and none is configured, naming the variables', async () => {
    const env = await createTestEnvironment({ apps: [], freshDatabase: true });
    const app = await startApp(CustomerModule.forRoot({ ...env.env, ...PRODUCTION }));
    try {
      await expect(app.ready).rejects.toThrow(/ADMIN_EMAIL and ADMIN_PASSWORD must be set/);
    } finally {
      await app.close();
      await env.close();
    }
  });

  it('creates it once from ADMIN_EMAIL / ADMIN_PASSWORD, and starts without them once one exists', async () => {
    const env = await createTestEnvironment({ apps: [], freshDatabase: true });
    const production = { ...env.env, ...PRODUCTION };
    const db = new Client({ connectionString: env.env.DATABASE_URL });
    try {
      const first = await startApp(
        CustomerModule.forRoot({
          ...production,
          ADMIN_EMAIL: 'Owner@Shop.example',
          ADMIN_PASSWORD: 'a long secret',
        }),
      );
      await first.ready;
      await first.close();
      const again = await startApp(CustomerModule.forRoot(production));
      await again.ready;
      await again.close();
      await db.connect();
      const { rows } = await db.query('SELECT email, password_hash FROM customer.admin_user');
      expect(rows).toHaveLength(1);
      expect(rows[0].email).toBe('owner@shop.example');
      expect(rows[0].password_hash).toMatch(/^scrypt\$16384\$8\$1\$/);
    } finally {
      await db.end();
      await env.close();
    }
  });
});
