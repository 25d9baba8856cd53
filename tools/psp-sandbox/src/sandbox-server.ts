import { SANDBOX_KEYS } from './sandbox-keys';
import Fastify, { FastifyInstance } from 'fastify';
import { generateKeyPairSync } from 'node:crypto';
import { AddressInfo } from 'node:net';
import { registerAlipay } from './alipay/alipay-routes';
import { registerCashier } from './cashier/cashier-routes';
import { Notifier } from './notifier';
import { registerWechat } from './wechat/wechat-routes';

export interface SandboxOptions {
  port?: number;
  host?: string;
  /** How shops and shoppers reach the sandbox (session URLs); default its own listening address. */
  publicUrl?: string;
  /** Delays between notification deliveries (ms); one more delivery than entries at most. */
  notifyBackoffMs?: number[];
}

/**
 * Faults a test can switch on: provider API calls answered late by `delayMs` (before they are handled),
 * or handled and their answer held back `answerDelayMs` (the call took effect, its answer comes late
 * or is lost to a caller's timeout); the next `failures.times`
 * API calls answered `failures.status` (429 with `Retry-After: retryAfter` seconds when given, or a
 * 5xx) without being handled; notifications lost; WeChat Pay's and Alipay's answers signed with a key
 * that is not theirs (`forgeAnswers`: someone between the shop and the provider); cashier sessions
 * answered for another amount than asked (`alterSessions`).
 */
export interface SandboxFaults {
  delayMs: number;
  answerDelayMs: number;
  failures: { status: number; times: number; retryAfter?: number };
  dropNotifications: boolean;
  forgeAnswers: boolean;
  alterSessions: boolean;
}

export interface Sandbox {
  app: FastifyInstance;
  url: string;
  notifier: Notifier;
  faults: SandboxFaults;
  close(): Promise<void>;
}

/**
 * The PSP sandbox: stands in for the hosted cashier (seed 003), WeChat Pay and Alipay in development
 * and tests, with their signatures and their notifications. Never part of production.
 */
export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const app = Fastify({ bodyLimit: 256 * 1024, forceCloseConnections: true });
  // Signatures are over the exact bytes: keep them beside the parsed body.
  for (const type of ['application/json', 'application/x-www-form-urlencoded']) {
    app.addContentTypeParser(type, { parseAs: 'string' }, (request, body, done) => {
      (request as typeof request & { rawBody: string }).rawBody = body as string;
      try {
        done(
          null,
          type === 'application/json'
            ? JSON.parse((body as string) || '{}')
            : Object.fromEntries(new URLSearchParams(body as string)),
        );
      } catch (error) {
        done(error as Error, undefined);
      }
    });
  }
  const faults: SandboxFaults = {
    delayMs: 0,
    answerDelayMs: 0,
    failures: { status: 503, times: 0 },
    dropNotifications: false,
    forgeAnswers: false,
    alterSessions: false,
  };
  app.addHook('onRequest', async (request, reply) => {
    const api = /^\/(payments|v3|alipay)\//.test(request.url);
    if (!api) return;
    if (faults.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, faults.delayMs));
    if (faults.failures.times > 0) {
      faults.failures.times -= 1;
      const { status, retryAfter } = faults.failures;
      if (retryAfter !== undefined) reply.header('retry-after', String(retryAfter));
      const busy = status === 429 ? 'Too many requests' : 'Service temporarily unavailable';
      return reply.status(status).send({ error_code: String(status), error_description: busy });
    }
  });
  app.addHook('onSend', async (request, _reply, payload) => {
    const api = /^\/(payments|v3|alipay)\//.test(request.url);
    if (api && faults.answerDelayMs > 0)
      await new Promise((resolve) => setTimeout(resolve, faults.answerDelayMs));
    return payload;
  });
  const notifier = new Notifier(
    options.notifyBackoffMs ?? [1_000, 2_000, 5_000, 10_000, 30_000, 60_000],
    () => faults.dropNotifications,
  );
  let url = options.publicUrl ?? '';
  registerCashier(app, {
    merchantId: SANDBOX_KEYS.cashier.merchantId,
    apiSecret: SANDBOX_KEYS.cashier.apiSecret,
    notifySecret: SANDBOX_KEYS.cashier.notifySecret,
    publicUrl: () => url,
    notifier,
    alterSessions: () => faults.alterSessions,
  });
  const answerKey = answerSigningKey(() => faults.forgeAnswers);
  registerWechat(app, notifier, answerKey);
  registerAlipay(app, notifier, answerKey);
  app.get('/health/live', async () => ({ status: 'ok' }));
  app.get('/health/ready', async () => ({ status: 'ok' }));
  /** Every notification delivery so far, newest last: what was sent, and what the shop answered. */
  app.get('/sandbox/deliveries', async () => ({ deliveries: notifier.deliveries }));
  await app.listen({ port: options.port ?? 9400, host: options.host ?? '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  url ||= `http://127.0.0.1:${port}`;
  return {
    app,
    url: `http://127.0.0.1:${port}`,
    notifier,
    faults,
    close: async () => {
      notifier.stop();
      await app.close();
    },
  };
}

/**
 * The key a provider signs its answers with: its own, or — with the `forgeAnswers` fault — one made
 * up by whoever forges them.
 */
function answerSigningKey(forge: () => boolean): (own: string) => string {
  let forger: string | undefined;
  return (own) => {
    if (!forge()) return own;
    forger ??= generateKeyPairSync('rsa', { modulusLength: 2048 })
      .privateKey.export({ type: 'pkcs8', format: 'pem' })
      .toString();
    return forger;
  };
}
