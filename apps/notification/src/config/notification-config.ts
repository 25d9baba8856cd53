import { ConfigError, EnvReader } from '@app/platform';
import { readFileSync } from 'node:fs';

type Env = Record<string, string | undefined>;

/** The domain events merchants can subscribe to. */
export const WEBHOOK_EVENTS = [
  'order.placed',
  'order.paid',
  'payment.session-failed',
  'payment.session-expired',
  'payment.refunded',
  'order.payment-created',
  'order.payment-paid',
  'order.payment-expired',
] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

/** A merchant endpoint from configuration: a plain signed webhook, or a Feishu (飞书) bot. */
export interface WebhookEndpointConfig {
  url: string;
  secret: string;
  channel: 'webhook' | 'feishu';
  events: WebhookEvent[];
}

export interface NotificationConfig {
  webhooks: WebhookEndpointConfig[];
  /** Delays between delivery attempts; one more attempt than entries, then the delivery is dead. */
  webhookBackoffMs: number[];
  webhookPollMs: number;
  webhookTimeoutMs: number;
  allowPrivateCallbacks: boolean;
  mail: { transport: 'log' | 'file' | 'smtp'; dir: string; smtpUrl: string; from: string };
  /** How text messages leave: the log (default), one file each in `SMS_DIR`, or Aliyun SMS. */
  sms: {
    transport: 'log' | 'file' | 'aliyun';
    dir: string;
    aliyun: {
      endpoint: string;
      accessKeyId: string;
      accessKeySecret: string;
      signName: string;
      templateCode: string;
      timeoutMs: number;
    };
  };
  /** The storefront's password reset page; the mail links to it with `token` and `email`. */
  passwordResetUrl: string | null;
}

/**
 * Reads the notification settings: merchant webhooks from `MERCHANT_WEBHOOKS` (JSON) or
 * `MERCHANT_WEBHOOKS_FILE` (a JSON file), each `{url, secret, channel?, events?}`; delivery retries
 * (hours in production by default); and how customer mail leaves (`MAIL_TRANSPORT`: `log` by
 * default, `file` into `MAIL_DIR`, or `smtp` to `SMTP_URL`).
 */
export function loadNotificationConfig(env: Env = process.env): NotificationConfig {
  const problems: string[] = [];
  const read = new EnvReader(env, problems);
  const production = env.NODE_ENV === 'production';
  const config: NotificationConfig = {
    webhooks: readWebhooks(env, problems),
    webhookBackoffMs: read.integers(
      'WEBHOOK_BACKOFF_MS',
      [60_000, 300_000, 1_800_000, 7_200_000, 21_600_000, 43_200_000],
      1,
      7 * 24 * 3_600_000,
    ),
    webhookPollMs: read.integer('WEBHOOK_POLL_MS', 1_000, 10, 600_000),
    webhookTimeoutMs: read.integer('WEBHOOK_TIMEOUT_MS', 10_000, 100, 120_000),
    allowPrivateCallbacks:
      read.oneOf('ALLOW_PRIVATE_CALLBACKS', ['true', 'false'] as const, production ? 'false' : 'true') ===
      'true',
    mail: {
      transport: read.oneOf('MAIL_TRANSPORT', ['log', 'file', 'smtp'] as const, 'log'),
      dir: read.text('MAIL_DIR', 'mail'),
      smtpUrl: read.text('SMTP_URL', ''),
      from: read.text('MAIL_FROM', 'Checkout Demo Shop <shop@example.com>'),
    },
    passwordResetUrl: read.text('PASSWORD_RESET_URL', '') || null,
    sms: {
      transport: read.oneOf('SMS_TRANSPORT', ['log', 'file', 'aliyun'] as const, 'log'),
      dir: read.text('SMS_DIR', 'sms'),
      aliyun: {
        endpoint: read.text('ALIYUN_SMS_ENDPOINT', 'https://dysmsapi.aliyuncs.com'),
        accessKeyId: read.text('ALIYUN_SMS_ACCESS_KEY_ID', ''),
        accessKeySecret: read.text('ALIYUN_SMS_ACCESS_KEY_SECRET', ''),
        signName: read.text('ALIYUN_SMS_SIGN_NAME', ''),
        templateCode: read.text('ALIYUN_SMS_TEMPLATE_CODE', ''),
        timeoutMs: read.integer('ALIYUN_SMS_TIMEOUT_MS', 10_000, 100, 120_000),
      },
    },
  };
  if (config.sms.transport === 'aliyun') {
    const aliyun = config.sms.aliyun;
    const missing = (
      [
        ['ALIYUN_SMS_ACCESS_KEY_ID', aliyun.accessKeyId],
        ['ALIYUN_SMS_ACCESS_KEY_SECRET', aliyun.accessKeySecret],
        ['ALIYUN_SMS_SIGN_NAME', aliyun.signName],
        ['ALIYUN_SMS_TEMPLATE_CODE', aliyun.templateCode],
      ] as const
    ).filter(([, value]) => !value);
    for (const [name] of missing) problems.push(`${name} is required when SMS_TRANSPORT=aliyun`);
  }
  if (config.mail.transport === 'smtp' && !/^smtps?:\/\//.test(config.mail.smtpUrl)) {
    problems.push('SMTP_URL must be an smtp:// or smtps:// URL when MAIL_TRANSPORT=smtp');
  }
  if (problems.length) throw new ConfigError(problems);
  return config;
}

function readWebhooks(env: Env, problems: string[]): WebhookEndpointConfig[] {
  let text = env.MERCHANT_WEBHOOKS?.trim();
  if (!text && env.MERCHANT_WEBHOOKS_FILE) {
    try {
      text = readFileSync(env.MERCHANT_WEBHOOKS_FILE, 'utf8');
    } catch (error) {
      problems.push(`MERCHANT_WEBHOOKS_FILE cannot be read: ${(error as Error).message}`);
      return [];
    }
  }
  if (!text) return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    problems.push('MERCHANT_WEBHOOKS must be a JSON array of {url, secret, channel?, events?}');
    return [];
  }
  if (!Array.isArray(parsed)) {
    problems.push('MERCHANT_WEBHOOKS must be a JSON array of {url, secret, channel?, events?}');
    return [];
  }
  return parsed.flatMap((entry: Record<string, unknown>, index) => {
    const where = `MERCHANT_WEBHOOKS[${index}]`;
    const url = typeof entry?.url === 'string' ? entry.url : '';
    if (!/^https?:\/\//.test(url)) problems.push(`${where}.url must be an http(s) URL`);
    if (typeof entry?.secret !== 'string' || !entry.secret) problems.push(`${where}.secret is required`);
    const channel = entry?.channel ?? 'webhook';
    if (channel !== 'webhook' && channel !== 'feishu')
      problems.push(`${where}.channel must be webhook or feishu`);
    const events = (entry?.events ?? [...WEBHOOK_EVENTS]) as string[];
    const unknown = events.filter((name) => !(WEBHOOK_EVENTS as readonly string[]).includes(name));
    if (unknown.length) problems.push(`${where}.events has unknown events: ${unknown.join(', ')}`);
    return [{ url, secret: String(entry?.secret ?? ''), channel, events } as WebhookEndpointConfig];
  });
}
