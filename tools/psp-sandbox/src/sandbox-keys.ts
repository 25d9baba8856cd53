import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** What the sandbox holds, as a provider would: its own private keys, its merchant's public ones. */
export interface SandboxKeys {
  cashier: { merchantId: string; apiSecret: string; notifySecret: string };
  wechat: {
    appId: string;
    merchantId: string;
    apiV3Key: string;
    platformSerial: string;
    merchantSerial: string;
    platformPrivateKey: string;
    merchantPublicKey: string;
  };
  alipay: { appId: string; sellerId: string; platformPrivateKey: string; appPublicKey: string };
}

/**
 * The sandbox's keys (`tools/psp-sandbox/keys/sandbox.json`, copied beside the build). The merchant's
 * side of them — its private keys, the platform's public ones — is what the sandbox issues in
 * `keys/merchant-test-credentials.json`, which the payment app reads in development only.
 */
export const SANDBOX_KEYS = readKeys<SandboxKeys>('sandbox.json');

/** What the sandbox issued its test merchant (the payment app's side): for tests that act as the merchant. */
export const MERCHANT_TEST_CREDENTIALS = readKeys<{
  wechat: { merchantId: string; merchantSerial: string; merchantPrivateKey: string };
}>('merchant-test-credentials.json');

function readKeys<T>(file: string): T {
  return JSON.parse(readFileSync(join(__dirname, '..', 'keys', file), 'utf8')) as T;
}
