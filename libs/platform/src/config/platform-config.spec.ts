import { ConfigError, loadPlatformConfig } from './platform-config';

/** Production with the one secret every app needs. */
const PRODUCTION = { NODE_ENV: 'production', NATS_PASSWORD: 'a-real-secret' };

describe('loadPlatformConfig', () => {
  it('defaults to Postgres and NATS on localhost and DESIGN ports and budgets', () => {
    const config = loadPlatformConfig('catalog', {});
    expect(config).toMatchObject({
      app: 'catalog',
      httpPort: 9101,
      databaseUrl: 'postgres://postgres@127.0.0.1:5432/commerce',
      natsUrl: ['nats://127.0.0.1:4222'],
      commandTimeoutMs: 5000,
      completeTimeoutMs: 30000,
      providerTimeoutMs: 4000,
    });
    expect(loadPlatformConfig('gateway', {}).httpPort).toBe(9000);
  });

  it("reads each app's own port variable and every override", () => {
    const config = loadPlatformConfig('payment', {
      PAYMENT_PORT: '7104',
      CATALOG_PORT: '1',
      NATS_URL: 'nats://a:4222,nats://b:4222',
      COMMAND_TIMEOUT_MS: '250',
      STORE_CORS: 'http://shop.test, /\\.shop\\.test$/',
    });
    expect(config.httpPort).toBe(7104);
    expect(config.natsUrl).toEqual(['nats://a:4222', 'nats://b:4222']);
    expect(config.commandTimeoutMs).toBe(250);
    expect(config.storeCors).toEqual(['http://shop.test', '/\\.shop\\.test$/']);
  });

  it('names every bad variable at once', () => {
    const load = () =>
      loadPlatformConfig('catalog', {
        CATALOG_PORT: 'http',
        DATABASE_URL: 'mysql://x',
        LOG_LEVEL: 'loud',
        COMMAND_TIMEOUT_MS: '-5',
      });
    expect(load).toThrow(ConfigError);
    const message = (() => {
      try {
        load();
      } catch (error) {
        return (error as Error).message;
      }
      return '';
    })();
    for (const name of ['CATALOG_PORT', 'DATABASE_URL', 'LOG_LEVEL', 'COMMAND_TIMEOUT_MS'])
      expect(message).toContain(name);
  });

  it('reads lists of delays', () => {
    expect(loadPlatformConfig('cart', { CONSUMER_BACKOFF_MS: '50, 100,200' }).consumerBackoffMs).toEqual([
      50, 100, 200,
    ]);
    expect(() => loadPlatformConfig('cart', { CONSUMER_BACKOFF_MS: '50,soon' })).toThrow(
      'CONSUMER_BACKOFF_MS',
    );
  });

  it('seeds demo data outside production unless told not to, and in production only when told to', () => {
    expect(loadPlatformConfig('catalog', {}).demoData).toBe(true);
    expect(loadPlatformConfig('catalog', { DEMO_DATA: 'false' }).demoData).toBe(false);
    expect(loadPlatformConfig('catalog', { ...PRODUCTION }).demoData).toBe(false);
    expect(loadPlatformConfig('catalog', { ...PRODUCTION, DEMO_DATA: 'true' }).demoData).toBe(true);
  });

  it('migrates at start outside production; in production only when told to', () => {
    expect(loadPlatformConfig('cart', {}).migrateOnStart).toBe(true);
    expect(loadPlatformConfig('cart', { ...PRODUCTION }).migrateOnStart).toBe(false);
    expect(loadPlatformConfig('cart', { ...PRODUCTION, MIGRATE_ON_START: 'true' }).migrateOnStart).toBe(true);
  });

  it('keeps three copies of the event stream in production, one elsewhere, as told', () => {
    expect(loadPlatformConfig('cart', {}).streamReplicas).toBe(1);
    expect(loadPlatformConfig('cart', { ...PRODUCTION }).streamReplicas).toBe(3);
    expect(loadPlatformConfig('cart', { ...PRODUCTION, STREAM_REPLICAS: '1' }).streamReplicas).toBe(1);
    expect(() => loadPlatformConfig('cart', { STREAM_REPLICAS: '9' })).toThrow(/STREAM_REPLICAS/);
  });

  it('refuses a placeholder value in production, naming the variable', () => {
    expect(() => loadPlatformConfig('catalog', { ...PRODUCTION, DATABASE_URL: 'change-me' })).toThrow(
      /DATABASE_URL is a placeholder/,
    );
    const inside = 'postgres://checkout:change-me@postgres:5432/commerce';
    expect(() => loadPlatformConfig('catalog', { ...PRODUCTION, DATABASE_URL: inside })).toThrow(
      /DATABASE_URL is a placeholder/,
    );
    expect(() => loadPlatformConfig('catalog', { DATABASE_URL: inside })).not.toThrow();
  });

  it("connects to NATS as the app's own user, with a password only production requires", () => {
    expect(loadPlatformConfig('cart', {})).toMatchObject({ natsUser: 'cart', natsPassword: undefined });
    expect(() => loadPlatformConfig('cart', { NODE_ENV: 'production' })).toThrow(
      /NATS_PASSWORD must be set in production/,
    );
    expect(loadPlatformConfig('cart', { ...PRODUCTION, NATS_USER: 'cart-eu' })).toMatchObject({
      natsUser: 'cart-eu',
      natsPassword: 'a-real-secret',
    });
  });

  it('trusts a CA file for NATS over TLS, refusing files it cannot read and a half client certificate', () => {
    expect(loadPlatformConfig('cart', { NATS_TLS_CA: __filename }).natsTls).toEqual({
      caFile: __filename,
      certFile: undefined,
      keyFile: undefined,
    });
    expect(() => loadPlatformConfig('cart', { NATS_TLS_CA: '/nonexistent/ca.pem' })).toThrow(
      /NATS_TLS_CA names a file that cannot be read/,
    );
    expect(() => loadPlatformConfig('cart', { NATS_TLS_CA: __filename, NATS_TLS_CERT: __filename })).toThrow(
      /NATS_TLS_CERT and NATS_TLS_KEY must be set together/,
    );
  });

  it('refuses a retry ceiling below its floor', () => {
    expect(() =>
      loadPlatformConfig('cart', { STARTUP_RETRY_MIN_MS: '500', STARTUP_RETRY_MAX_MS: '100' }),
    ).toThrow('STARTUP_RETRY_MAX_MS');
  });
});
