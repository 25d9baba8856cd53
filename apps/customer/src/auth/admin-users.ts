import { DataSource } from 'typeorm';
import { ConfigError, newId } from '@app/platform';
import { CustomerConfig } from '../config/customer-config';
import { hashPassword } from './passwords';

/**
 * The first admin user, when there is none: from ADMIN_EMAIL / ADMIN_PASSWORD, or in development
 * admin@example.com / supersecret. Production without either refuses to start, naming them.
 */
export async function ensureFirstAdmin(dataSource: DataSource, config: CustomerConfig): Promise<void> {
  const [{ count }] = await dataSource.query('SELECT count(*)::int AS count FROM customer.admin_user');
  if (count > 0) return;
  if (!config.admin) {
    throw new ConfigError([
      'ADMIN_EMAIL and ADMIN_PASSWORD must be set: no admin user exists yet, they create the first one',
    ]);
  }
  await dataSource.query(
    `INSERT INTO customer.admin_user (id, email, password_hash) VALUES ($1, $2, $3) ON CONFLICT (email) DO NOTHING`,
    [newId('usr'), config.admin.email, await hashPassword(config.admin.password)],
  );
}
