import { ConfigError } from '@app/platform';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadPaymentConfig } from './payment-config';
import { credentialFingerprint, SANDBOX_FINGERPRINTS, SandboxCredentials } from './sandbox-credentials';

const ROOT = join(__dirname, '..', '..', '..', '..');
const SANDBOX_FILE = join(ROOT, 'tools/psp-sandbox/keys/merchant-test-credentials.json');
const SANDBOX = JSON.parse(readFileSync(SANDBOX_FILE, 'utf8')) as SandboxCredentials;

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
  it('reads 3-D Secure per region, every other region taking `*`, and names a bad entry', () => {
    expect(loadPaymentConfig({}).cashier.authentication).toEqual({
      '*': { challenge_indicator: 'AUTO', exemption: 'NONE' },
    });
    const set = loadPaymentConfig({
      CASHIER_AUTHENTICATION: '*=NO_PREFERENCE/LOW_VALUE, reg_eu=CHALLENGE_MANDATED/NONE',
    });
    expect(set.cashier.authentication).toEqual({
      '*': { challenge_indicator: 'NO_PREFERENCE', exemption: 'LOW_VALUE' },
      reg_eu: { challenge_indicator: 'CHALLENGE_MANDATED', exemption: 'NONE' },
    });
    expect(() => loadPaymentConfig({ CASHIER_AUTHENTICATION: 'reg_eu=ALWAYS/NONE' })).toThrow(
      /CASHIER_AUTHENTICATION entry "reg_eu=ALWAYS\/NONE"/,
    );
  });

  it('defaults to the sandbox and this machine outside production', () => {
    const config = loadPaymentConfig({});
    expect(config.cashier.notifySecret).toBe(SANDBOX.cashier.notifySecret);
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
      CASHIER_NOTIFY_SECRET: SANDBOX.cashier.notifySecret,
    };
    expect(() => loadPaymentConfig(env)).toThrow(/CASHIER_NOTIFY_SECRET is the sandbox's test key/);
    expect(() => loadPaymentConfig({ ...env, PAYMENT_SANDBOX: 'true' })).not.toThrow();
  });

  it("refuses the sandbox's merchant ids and a placeholder in production, naming each", () => {
    const env = {
      NODE_ENV: 'production',
      ...PUBLIC,
      ...REAL,
      CASHIER_MERCHANT_ID: SANDBOX.cashier.merchantId,
      ALIPAY_APP_PRIVATE_KEY: 'change-me',
    };
    expect(() => loadPaymentConfig(env)).toThrow(/CASHIER_MERCHANT_ID is the sandbox's/);
    expect(() => loadPaymentConfig(env)).toThrow(/ALIPAY_APP_PRIVATE_KEY is a placeholder/);
  });

  it("reads the sandbox's test credentials from the file it issues, never from the app's code", () => {
    expect(loadPaymentConfig({}).wechat.merchantPrivateKey).toBe(SANDBOX.wechat.merchantPrivateKey);
    expect(() => loadPaymentConfig({ PAYMENT_SANDBOX_CREDENTIALS: '/nonexistent/credentials.json' })).toThrow(
      /PAYMENT_SANDBOX_CREDENTIALS: cannot read the sandbox's test credentials/,
    );
    // The sandbox's keys are nowhere in the apps' or libraries' sources (so in no app's bundle).
    const sources = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
        entry.isDirectory() ? sources(join(dir, entry.name)) : [join(dir, entry.name)],
      );
    const carrying = [...sources(join(ROOT, 'apps')), ...sources(join(ROOT, 'libs'))].filter((file) => {
      const text = readFileSync(file, 'utf8');
      return (
        text.includes(SANDBOX.cashier.apiSecret) ||
        text.includes(SANDBOX.wechat.merchantPrivateKey.split('\n')[1])
      );
    });
    expect(carrying).toEqual([]);
  });

  it('knows every sandbox credential by its fingerprint alone, and refuses each in production', () => {
    const values = Object.values({ ...SANDBOX, _: {} }).flatMap((provider) =>
      Object.values(provider as Record<string, string>),
    );
    expect(new Set(values.map(credentialFingerprint))).toEqual(SANDBOX_FINGERPRINTS);
    const names: Record<string, string> = {
      CASHIER_API_SECRET: SANDBOX.cashier.apiSecret,
      WECHAT_MERCHANT_PRIVATE_KEY: SANDBOX.wechat.merchantPrivateKey.replace(/\n/g, '\\n'),
      WECHAT_MERCHANT_SERIAL: SANDBOX.wechat.merchantSerial,
      ALIPAY_APP_PRIVATE_KEY: SANDBOX.alipay.appPrivateKey,
      ALIPAY_SELLER_ID: SANDBOX.alipay.sellerId,
    };
    const refusal = (() => {
      try {
        loadPaymentConfig({ NODE_ENV: 'production', ...PUBLIC, ...REAL, ...names });
      } catch (error) {
        return (error as Error).message;
      }
      return 'accepted';
    })();
    for (const name of Object.keys(names)) expect(refusal).toMatch(new RegExp(`${name} is the sandbox's`));
  });

  it('refuses a notify address providers cannot reach, unless private callbacks are allowed', () => {
    const env = { NODE_ENV: 'production', ...REAL, PUBLIC_BASE_URL: 'http://10.0.0.7:9000' };
    expect(() => loadPaymentConfig(env)).toThrow(/PUBLIC_BASE_URL .* loopback or private/);
    expect(() => loadPaymentConfig({ ...env, ALLOW_PRIVATE_CALLBACKS: 'true' })).not.toThrow();
  });
});
