import { ConfigError, EnvReader } from '@app/platform';

type Env = Record<string, string | undefined>;

export interface CustomerConfig {
  /** How long a signed-in session lasts. */
  sessionTtlHours: number;
  /** Failed sign-ins per email (known or not) in a window, before the next is refused with 429. */
  signInLimit: number;
  /** Requests per email in a window to `GET /store/auth/{email}` and the password-token route. */
  lookupLimit: number;
  throttleWindowMinutes: number;
  /** How long a password reset token works. */
  resetTokenTtlMinutes: number;
  /** The first admin user, created at start when there is none (required in production then). */
  admin: { email: string; password: string } | null;
}

export const CUSTOMER_CONFIG = Symbol('CUSTOMER_CONFIG');

/** The development admin, seeded when no admin exists (never in production). */
export const DEVELOPMENT_ADMIN = { email: 'admin@example.com', password: 'supersecret' };

/**
 * Reads the customer app's settings: session lifetime (`SESSION_TTL_HOURS`), throttling
 * (`SIGN_IN_LIMIT`, `LOOKUP_LIMIT` per `THROTTLE_WINDOW_MINUTES`), reset tokens' lifetime
 * (`RESET_TOKEN_TTL_MINUTES`), and the first admin
 * (`ADMIN_EMAIL`, `ADMIN_PASSWORD`; development falls back to admin@example.com / supersecret).
 */
export function loadCustomerConfig(env: Env = process.env): CustomerConfig {
  const problems: string[] = [];
  const read = new EnvReader(env, problems);
  const production = env.NODE_ENV === 'production';
  const email = read.text('ADMIN_EMAIL', '');
  const password = read.text('ADMIN_PASSWORD', '');
  if ((email === '') !== (password === '')) problems.push('ADMIN_EMAIL and ADMIN_PASSWORD go together');
  if (password && password.length < 8) problems.push('ADMIN_PASSWORD must have at least 8 characters');
  if (production && password === DEVELOPMENT_ADMIN.password) {
    problems.push('ADMIN_PASSWORD must not be the development password in production');
  }
  const config: CustomerConfig = {
    sessionTtlHours: read.integer('SESSION_TTL_HOURS', 24 * 14, 1, 24 * 365),
    signInLimit: read.integer('SIGN_IN_LIMIT', 10, 1, 10_000),
    lookupLimit: read.integer('LOOKUP_LIMIT', 10, 1, 10_000),
    throttleWindowMinutes: read.integer('THROTTLE_WINDOW_MINUTES', 15, 1, 24 * 60),
    resetTokenTtlMinutes: read.integer('RESET_TOKEN_TTL_MINUTES', 60, 1, 7 * 24 * 60),
    admin: email ? { email: email.toLowerCase(), password } : production ? null : DEVELOPMENT_ADMIN,
  };
  if (problems.length) throw new ConfigError(problems);
  return config;
}
