import { ConfigError, EnvReader, isPrivateUrl } from '@app/platform';
import { isSandboxCredential, readSandboxCredentials, SandboxCredentials } from './sandbox-credentials';

type Env = Record<string, string | undefined>;

/** The payment app's own settings: where providers are, how they reach us, and our credentials. */
export interface PaymentConfig {
  /** How providers reach us: notify URLs are `${publicBaseUrl}/hooks/payments/<provider>`. */
  publicBaseUrl: string;
  /** The PSP sandbox, where every provider is in development (each has its own endpoint setting). */
  pspBaseUrl: string;
  /** Where a hosted payment page sends the shopper back. */
  checkoutReturnUrl: string;
  /** How long an online payment may wait for the shopper (seed 001: two days). */
  sessionTtlMinutes: number;
  /** How often unpaid attempts past their window are looked for and expired. */
  expirySweepMs: number;
  /** Points an order earns per yuan (major unit) of money paid; points spent earn nothing. */
  pointsEarnPerYuan: number;
  /** Accepted clock difference of a signed notification, both ways. */
  notificationToleranceSeconds: number;
  cashier: {
    /** The cashier's API (CASHIER_BASE_URL; the sandbox's by default). */
    baseUrl: string;
    merchantId: string;
    apiSecret: string;
    notifySecret: string;
    /** AUTOMATIC: the cashier takes the money when the shopper pays; MANUAL: it only authorizes, the shop captures. */
    captureMethod: 'AUTOMATIC' | 'MANUAL';
    /** The shop's name on the hosted page (`display_merchant_name`, CASHIER_DISPLAY_NAME). */
    displayName: string;
    /** The hosted page's theme set up at the cashier (`theme_id`, CASHIER_THEME_ID), if any. */
    themeId: string;
    /** Payment methods the page offers only / never (CASHIER_ALLOWED_METHODS, CASHIER_BLOCKED_METHODS). */
    allowedMethods: string[];
    blockedMethods: string[];
    /** What the shopper's statement shows (`bill.descriptor`, CASHIER_DESCRIPTOR), if set. */
    descriptor: string;
    /** A product page of the storefront, `{handle}` standing for the product's (goods' `link`; STOREFRONT_PRODUCT_URL). */
    productUrl: string;
    /** 3-D Secure asked of the cashier, by region id (`*`: every other region), CASHIER_AUTHENTICATION. */
    authentication: Record<string, CashierAuthentication>;
    /**
     * Whether a signed-in customer's sessions let the cashier keep the card when the shopper agrees on
     * the hosted page, and offer the cards kept before (`payment`, CASHIER_CARDS_ON_FILE).
     */
    cardsOnFile: boolean;
  };
  wechat: {
    /** WeChat Pay's API v3 (WECHAT_BASE_URL: api.mch.weixin.qq.com, or the sandbox's). */
    baseUrl: string;
    appId: string;
    merchantId: string;
    apiV3Key: string;
    platformSerial: string;
    /** Our merchant API certificate's serial number (WECHAT_MERCHANT_SERIAL). */
    merchantSerial: string;
    merchantPrivateKey: string;
    platformPublicKey: string;
  };
  alipay: {
    /** Alipay's open API gateway (ALIPAY_GATEWAY_URL: openapi.alipay.com/gateway.do, or the sandbox's). */
    gatewayUrl: string;
    appId: string;
    sellerId: string;
    appPrivateKey: string;
    platformPublicKey: string;
  };
}

/** Seed 003's `authentication` of a hosted session: whether to ask the shopper's bank for a challenge, and the exemption claimed. */
export interface CashierAuthentication {
  challenge_indicator: (typeof CHALLENGE_INDICATORS)[number];
  exemption: (typeof THREE_DS_EXEMPTIONS)[number];
}

export const CHALLENGE_INDICATORS = [
  'AUTO',
  'NO_PREFERENCE',
  'NO_CHALLENGE',
  'CHALLENGE_REQUESTED',
  'CHALLENGE_MANDATED',
] as const;
export const THREE_DS_EXEMPTIONS = ['NONE', 'LOW_VALUE', 'TRANSACTION_RISK_ANALYSIS'] as const;

/** `*=AUTO/NONE,reg_…=CHALLENGE_MANDATED/NONE`: a challenge indicator and exemption per region id. */
function cashierAuthentication(entries: string[], problems: string[]): Record<string, CashierAuthentication> {
  const byRegion: Record<string, CashierAuthentication> = {
    '*': { challenge_indicator: 'AUTO', exemption: 'NONE' },
  };
  for (const entry of entries) {
    const match = /^([^=\s]+)=([A-Z_]+)\/([A-Z_]+)$/.exec(entry);
    const [, region, challenge, exemption] = match ?? [];
    if (
      !match ||
      !(CHALLENGE_INDICATORS as readonly string[]).includes(challenge) ||
      !(THREE_DS_EXEMPTIONS as readonly string[]).includes(exemption)
    ) {
      problems.push(
        `CASHIER_AUTHENTICATION entry "${entry}" must be <region id or *>=<${CHALLENGE_INDICATORS.join('|')}>/<${THREE_DS_EXEMPTIONS.join('|')}>`,
      );
      continue;
    }
    byRegion[region] = {
      challenge_indicator: challenge as CashierAuthentication['challenge_indicator'],
      exemption: exemption as CashierAuthentication['exemption'],
    };
  }
  return byRegion;
}

/**
 * Reads the payment settings. With `PAYMENT_SANDBOX=true` (the default outside production)
 * credentials default to the PSP sandbox's test keys; otherwise every credential must be given, and
 * none may be a sandbox key. Notify URLs on a loopback or private address are refused unless
 * `ALLOW_PRIVATE_CALLBACKS=true` (its default outside production, for development and tests).
 */
export function loadPaymentConfig(env: Env = process.env): PaymentConfig {
  const problems: string[] = [];
  const read = new EnvReader(env, problems);
  const production = env.NODE_ENV === 'production';
  const sandboxKeys =
    read.oneOf('PAYMENT_SANDBOX', ['true', 'false'] as const, production ? 'false' : 'true') === 'true';
  const sandbox = sandboxKeys ? readSandboxCredentials(read) : undefined;
  const secret = (name: string, fallback: (keys: SandboxCredentials) => string): string => {
    const value = read.text(name, sandbox ? fallback(sandbox) : '').replace(/\\n/g, '\n');
    if (!value) problems.push(`${name} is required (or PAYMENT_SANDBOX=true for the sandbox's test keys)`);
    else if (!sandboxKeys && isSandboxCredential(value)) {
      problems.push(`${name} is the sandbox's test key: give the real one, or set PAYMENT_SANDBOX=true`);
    }
    return value;
  };
  // Who we are at a provider: the sandbox's ids only with its test keys.
  const identity = (name: string, fallback: (keys: SandboxCredentials) => string): string => {
    const value = read.text(name, sandbox ? fallback(sandbox) : '');
    if (!value) problems.push(`${name} is required (or PAYMENT_SANDBOX=true for the sandbox's test keys)`);
    else if (!sandboxKeys && isSandboxCredential(value)) {
      problems.push(`${name} is the sandbox's: give the real one, or set PAYMENT_SANDBOX=true`);
    }
    return value;
  };
  const config: PaymentConfig = {
    publicBaseUrl: read.urls('PUBLIC_BASE_URL', 'http://localhost:9000', ['http:', 'https:'])[0],
    pspBaseUrl: read.urls('PSP_BASE_URL', 'http://127.0.0.1:9400', ['http:', 'https:'])[0],
    checkoutReturnUrl: '',
    sessionTtlMinutes: read.integer('PAYMENT_SESSION_TTL_MINUTES', 2 * 24 * 60, 1, 30 * 24 * 60),
    expirySweepMs: read.integer('PAYMENT_EXPIRY_SWEEP_MS', 60_000, 10, 3_600_000),
    pointsEarnPerYuan: read.integer('POINTS_EARN_PER_YUAN', 1, 0, 1000),
    notificationToleranceSeconds: read.integer('NOTIFICATION_TOLERANCE_SECONDS', 300, 1, 3600),
    cashier: {
      baseUrl: '',
      merchantId: identity('CASHIER_MERCHANT_ID', (keys) => keys.cashier.merchantId),
      apiSecret: secret('CASHIER_API_SECRET', (keys) => keys.cashier.apiSecret),
      notifySecret: secret('CASHIER_NOTIFY_SECRET', (keys) => keys.cashier.notifySecret),
      captureMethod: read.oneOf('CASHIER_CAPTURE_METHOD', ['AUTOMATIC', 'MANUAL'] as const, 'AUTOMATIC'),
      displayName: read.text('CASHIER_DISPLAY_NAME', 'Checkout Demo Shop'),
      themeId: read.text('CASHIER_THEME_ID', ''),
      allowedMethods: read.list('CASHIER_ALLOWED_METHODS', ''),
      blockedMethods: read.list('CASHIER_BLOCKED_METHODS', ''),
      descriptor: read.text('CASHIER_DESCRIPTOR', ''),
      productUrl: read.text('STOREFRONT_PRODUCT_URL', ''),
      authentication: cashierAuthentication(read.list('CASHIER_AUTHENTICATION', '*=AUTO/NONE'), problems),
      cardsOnFile: read.oneOf('CASHIER_CARDS_ON_FILE', ['true', 'false'] as const, 'true') === 'true',
    },
    wechat: {
      baseUrl: '',
      appId: identity('WECHAT_APP_ID', (keys) => keys.wechat.appId),
      merchantId: identity('WECHAT_MERCHANT_ID', (keys) => keys.wechat.merchantId),
      apiV3Key: secret('WECHAT_API_V3_KEY', (keys) => keys.wechat.apiV3Key),
      platformSerial: identity('WECHAT_PLATFORM_SERIAL', (keys) => keys.wechat.platformSerial),
      merchantSerial: identity('WECHAT_MERCHANT_SERIAL', (keys) => keys.wechat.merchantSerial),
      merchantPrivateKey: secret('WECHAT_MERCHANT_PRIVATE_KEY', (keys) => keys.wechat.merchantPrivateKey),
      platformPublicKey: secret('WECHAT_PLATFORM_PUBLIC_KEY', (keys) => keys.wechat.platformPublicKey),
    },
    alipay: {
      gatewayUrl: '',
      appId: identity('ALIPAY_APP_ID', (keys) => keys.alipay.appId),
      sellerId: identity('ALIPAY_SELLER_ID', (keys) => keys.alipay.sellerId),
      appPrivateKey: secret('ALIPAY_APP_PRIVATE_KEY', (keys) => keys.alipay.appPrivateKey),
      platformPublicKey: secret('ALIPAY_PLATFORM_PUBLIC_KEY', (keys) => keys.alipay.platformPublicKey),
    },
  };
  // Each provider's endpoint: the sandbox's with its test keys, else the provider's own (the
  // cashier has none to assume: it must be given).
  const endpoint = (name: string, sandboxUrl: string, real: string) => {
    const url = read.urls(name, sandboxKeys ? sandboxUrl : real, ['http:', 'https:'])[0];
    if (!url) problems.push(`${name} is required (the provider's API endpoint)`);
    return url;
  };
  config.cashier.baseUrl = endpoint('CASHIER_BASE_URL', config.pspBaseUrl, '');
  config.wechat.baseUrl = endpoint('WECHAT_BASE_URL', config.pspBaseUrl, 'https://api.mch.weixin.qq.com');
  config.alipay.gatewayUrl = endpoint(
    'ALIPAY_GATEWAY_URL',
    `${config.pspBaseUrl}/alipay/gateway.do`,
    'https://openapi.alipay.com/gateway.do',
  );
  config.checkoutReturnUrl = read.urls('CHECKOUT_RETURN_URL', `${config.pspBaseUrl}/result`, [
    'http:',
    'https:',
  ])[0];
  if (Buffer.byteLength(config.wechat.apiV3Key) !== 32) problems.push('WECHAT_API_V3_KEY must be 32 bytes');
  const allowPrivate =
    read.oneOf('ALLOW_PRIVATE_CALLBACKS', ['true', 'false'] as const, production ? 'false' : 'true') ===
    'true';
  if (!allowPrivate && isPrivateUrl(config.publicBaseUrl)) {
    problems.push(
      `PUBLIC_BASE_URL ${config.publicBaseUrl} is a loopback or private address, which providers cannot reach; set ALLOW_PRIVATE_CALLBACKS=true in development and tests`,
    );
  }
  if (problems.length) throw new ConfigError(problems);
  return config;
}
