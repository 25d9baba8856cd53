import { ConfigError } from '@app/platform';
import { loadAuthConfig } from './auth-config';

describe('the gateway auth settings', () => {
  it('run on development secrets outside production, with Medusa v1 token lifetimes', () => {
    const config = loadAuthConfig({});
    expect(config.tokenTtlSeconds).toBe(30 * 24 * 3600);
    expect(config.secureCookies).toBe(false);
    expect(config.jwtSecret.length).toBeGreaterThanOrEqual(16);
  });

  it('refuse to start in production without secrets of their own, naming each', () => {
    expect(() => loadAuthConfig({ NODE_ENV: 'production' })).toThrow(ConfigError);
    expect(() => loadAuthConfig({ NODE_ENV: 'production' })).toThrow(/JWT_SECRET[\s\S]*COOKIE_SECRET/);
    expect(() =>
      loadAuthConfig({
        NODE_ENV: 'production',
        JWT_SECRET: 'development-jwt-secret',
        COOKIE_SECRET: 'x'.repeat(20),
      }),
    ).toThrow(/JWT_SECRET must be set in production/);
    expect(() => loadAuthConfig({ JWT_SECRET: 'short', COOKIE_SECRET: 'x'.repeat(20) })).toThrow(
      /16 characters/,
    );
    const production = loadAuthConfig({
      NODE_ENV: 'production',
      JWT_SECRET: 'j'.repeat(32),
      COOKIE_SECRET: 'c'.repeat(32),
    });
    expect(production.secureCookies).toBe(true);
  });
});
