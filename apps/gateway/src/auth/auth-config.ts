import { ConfigError, EnvReader } from '@app/platform';

type Env = Record<string, string | undefined>;

export interface AuthConfig {
  /** Signs access tokens (JWT, HS256). */
  jwtSecret: string;
  /** Signs the session cookie (`connect.sid`). */
  cookieSecret: string;
  /** How long an access token is valid (Medusa v1: 30 days). */
  tokenTtlSeconds: number;
  /** The session cookie's lifetime, as the customer app keeps sessions. */
  sessionTtlSeconds: number;
  /** Cookies only over HTTPS: in production. */
  secureCookies: boolean;
}

export const AUTH_CONFIG = Symbol('AUTH_CONFIG');

/** Development's secrets: refused in production. */
const DEVELOPMENT_SECRETS = { jwt: 'development-jwt-secret', cookie: 'development-cookie-secret' };

/**
 * Reads the gateway's auth settings: `JWT_SECRET`, `COOKIE_SECRET` (required in production, at least
 * 16 characters, never development's), `TOKEN_TTL_HOURS` (720) and `SESSION_TTL_HOURS` (336).
 */
export function loadAuthConfig(env: Env = process.env): AuthConfig {
  const problems: string[] = [];
  const read = new EnvReader(env, problems);
  const production = env.NODE_ENV === 'production';
  const secret = (name: string, development: string) => {
    const value = read.text(name, production ? '' : development);
    if (production && (!value || value === development)) problems.push(`${name} must be set in production`);
    else if (value.length < 16) problems.push(`${name} must have at least 16 characters`);
    return value;
  };
  const config: AuthConfig = {
    jwtSecret: secret('JWT_SECRET', DEVELOPMENT_SECRETS.jwt),
    cookieSecret: secret('COOKIE_SECRET', DEVELOPMENT_SECRETS.cookie),
    tokenTtlSeconds: read.integer('TOKEN_TTL_HOURS', 720, 1, 24 * 365) * 3600,
    sessionTtlSeconds: read.integer('SESSION_TTL_HOURS', 336, 1, 24 * 365) * 3600,
    secureCookies: production,
  };
  if (problems.length) throw new ConfigError(problems);
  return config;
}
