import { ConfigError } from '@app/platform';
import { DEVELOPMENT_ADMIN, loadCustomerConfig } from './customer-config';

describe('the customer app settings', () => {
  it('seed the development admin outside production, and throttle 10 attempts per 15 minutes', () => {
    const config = loadCustomerConfig({});
    expect(config.admin).toEqual(DEVELOPMENT_ADMIN);
    expect(config).toMatchObject({ signInLimit: 10, lookupLimit: 10, throttleWindowMinutes: 15 });
  });

  it('take the first admin from ADMIN_EMAIL / ADMIN_PASSWORD, and have none in production without them', () => {
    expect(
      loadCustomerConfig({ ADMIN_EMAIL: 'Boss@Shop.example', ADMIN_PASSWORD: 'a long secret' }).admin,
    ).toEqual({
      email: 'boss@shop.example',
      password: 'a long secret',
    });
    expect(loadCustomerConfig({ NODE_ENV: 'production' }).admin).toBeNull();
  });

  it('refuse half an admin, a short password and the development password in production', () => {
    expect(() => loadCustomerConfig({ ADMIN_EMAIL: 'a@b.example' })).toThrow(ConfigError);
    expect(() => loadCustomerConfig({ ADMIN_EMAIL: 'a@b.example', ADMIN_PASSWORD: 'short' })).toThrow(
      /8 characters/,
    );
    expect(() =>
      loadCustomerConfig({
        NODE_ENV: 'production',
        ADMIN_EMAIL: 'a@b.example',
        ADMIN_PASSWORD: 'supersecret',
      }),
    ).toThrow(/development password/);
  });
});
