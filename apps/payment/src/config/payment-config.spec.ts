import { SANDBOX_CREDENTIALS } from '@app/contracts';
import { ConfigError } from '@app/platform';
import { loadPaymentConfig } from './payment-config';

const REAL = {
  CASHIER_BASE_URL: 'https://cashier.example-psp.com',
  CASHIER_MERCHANT_ID: 'M-LIVE-1001',
  WECHAT_APP_ID: 'wx-live-app',
  WECHAT_MERCHANT_ID: '1900000109',
  WECHAT_PLATFORM_SERIAL: 'LIVE5EF9A1B2',
  WECHAT_MERCHANT_SERIAL: 'LIVE3775B6A4',
  ALIPAY_APP_ID: '2021000000000001',
  ALIPAY_SELLER_ID: '2088000000000001',
  CASHIER_API_SECRET: 'live-api-secret',
  CASHIER_NOTIFY_SECRET: 'live-notify-secret',
  WECHAT_API_V3_KEY: 'k'.repeat(32),
  WECHAT_MERCHANT_PRIVATE_KEY: '-----BEGIN PRIVATE KEY-----\\nlive\\n-----END PRIVATE KEY-----',
  WECHAT_PLATFORM_PUBLIC_KEY: 'live-wechat-platform-key',
  ALIPAY_APP_PRIVATE_KEY: 'live-alipay-app-key',
  ALIPAY_PLATFORM_PUBLIC_KEY: 'live-alipay-platform-key',
};
const PUBLIC = { PUBLIC_BASE_URL: 'https://api.shop.example.com', PSP_BASE_URL: 'https://psp.example.com' };

describe('payment configuration', () => {
  it('defaults to the sandbox and this machine outside production', () => {
    const config = loadPaymentConfig({});
    expect(config.cashier.notifySecret).toBe(SANDBOX_CREDENTIALS.cashier.notifySecret);
    expect(config.pspBaseUrl).toBe('http://127.0.0.1:9400');
    expect(config.cashier.baseUrl).toBe('http://127.0.0.1:9400');
    expect(config.wechat.baseUrl).toBe('http://127.0.0.1:9400');
    expect(config.alipay.gatewayUrl).toBe('http://127.0.0.1:9400/alipay/gateway.do');
    expect(config.checkoutReturnUrl).toBe('http://127.0.0.1:9400/result');
    expect(config.sessionTtlMinutes).toBe(2880);
  });

  it('requires every credential in production, naming each one', () => {
    const error = (() => {
      try {
        loadPaymentConfig({ NODE_ENV: 'production', ...PUBLIC });
      } catch (caught) {
        return caught as ConfigError;
      }
      throw new Error('expected a ConfigError');
    })();
    expect(error).toBeInstanceOf(ConfigError);
    for (const name of Object.keys(REAL)) expect(error.message).toContain(name);
  });

  it('accepts real credentials in production, with PEM newlines written as \\n', () => {
    const config = loadPaymentConfig({ NODE_ENV: 'production', ...PUBLIC, ...REAL });
    expect(config.wechat.baseUrl).toBe('https://api.mch.weixin.qq.com');
    expect(config.alipay.gatewayUrl).toBe('https://openapi.alipay.com/gateway.do');
    expect(config.cashier.baseUrl).toBe('https://cashier.example-psp.com');
    expect(config.wechat.merchantPrivateKey).toBe(
      '-----BEGIN PRIVATE KEY-----\nlive\n-----END PRIVATE KEY-----',
    );
  });

  it('refuses a sandbox key unless PAYMENT_SANDBOX=true', () => {
    const env = {
      NODE_ENV: 'production',
      ...PUBLIC,
      ...REAL,
      CASHIER_NOTIFY_SECRET: SANDBOX_CREDENTIALS.cashier.notifySecret,
    };
    expect(() => loadPaymentConfig(env)).toThrow(/CASHIER_NOTIFY_SECRET is the sandbox's test key/);
    expect(() => loadPaymentConfig({ ...env, PAYMENT_SANDBOX: 'true' })).not.toThrow();
  });

  it("refuses the sandbox's merchant ids and a placeholder in production, naming each", () => {
    const env = {
      NODE_ENV: 'production',
      ...PUBLIC,
      ...REAL,
      CASHIER_MERCHANT_ID: SANDBOX_CREDENTIALS.cashier.merchantId,
      ALIPAY_APP_PRIVATE_KEY: 'change-me',
    };
    expect(() => loadPaymentConfig(env)).toThrow(/CASHIER_MERCHANT_ID is the sandbox's/);
    expect(() => loadPaymentConfig(env)).toThrow(/ALIPAY_APP_PRIVATE_KEY is a placeholder/);
  });

  it('refuses a notify address providers cannot reach, unless private callbacks are allowed', () => {
    const env = { NODE_ENV: 'production', ...REAL, PUBLIC_BASE_URL: 'http://10.0.0.7:9000' };
    expect(() => loadPaymentConfig(env)).toThrow(/PUBLIC_BASE_URL .* loopback or private/);
    expect(() => loadPaymentConfig({ ...env, ALLOW_PRIVATE_CALLBACKS: 'true' })).not.toThrow();
  });
});
