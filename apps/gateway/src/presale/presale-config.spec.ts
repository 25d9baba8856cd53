import { ConfigError } from '@app/platform';
import { loadPresaleConfig } from './presale-config';

describe('the presale envelope settings', () => {
  it('salt with a development salt outside production, and with PRESALE_MD5_SALT when given', () => {
    expect(loadPresaleConfig({}).md5Salt).toBe('development-presale-salt');
    expect(loadPresaleConfig({ PRESALE_MD5_SALT: 'shop-salt' }).md5Salt).toBe('shop-salt');
  });

  it('refuse production without a salt of its own', () => {
    expect(() => loadPresaleConfig({ NODE_ENV: 'production' })).toThrow(ConfigError);
    expect(() =>
      loadPresaleConfig({ NODE_ENV: 'production', PRESALE_MD5_SALT: 'development-presale-salt' }),
    ).toThrow(/PRESALE_MD5_SALT/);
    expect(loadPresaleConfig({ NODE_ENV: 'production', PRESALE_MD5_SALT: 'shop-salt' }).md5Salt).toBe(
      'shop-salt',
    );
  });
});
