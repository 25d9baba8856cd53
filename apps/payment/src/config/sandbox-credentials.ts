import { EnvReader } from '@app/platform';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The test credentials the PSP sandbox issues its merchant (`merchant-test-credentials.json`). */
export interface SandboxCredentials {
  cashier: { merchantId: string; apiSecret: string; notifySecret: string };
  wechat: {
    appId: string;
    merchantId: string;
    apiV3Key: string;
    platformSerial: string;
    merchantSerial: string;
    merchantPrivateKey: string;
    platformPublicKey: string;
  };
  alipay: { appId: string; sellerId: string; appPrivateKey: string; platformPublicKey: string };
}

/** Where the sandbox's file is, in the source tree and beside the build alike. */
const DEFAULT_FILE = join(
  __dirname,
  '..',
  '..',
  '..',
  '..',
  'tools',
  'psp-sandbox',
  'keys',
  'merchant-test-credentials.json',
);

/**
 * The sandbox's test credentials, read (with `PAYMENT_SANDBOX=true` only) from the file the sandbox
 * issues — `PAYMENT_SANDBOX_CREDENTIALS`, else the sandbox's own copy. None of them is compiled into
 * the app.
 */
export function readSandboxCredentials(read: EnvReader): SandboxCredentials | undefined {
  const file = read.text('PAYMENT_SANDBOX_CREDENTIALS', DEFAULT_FILE);
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as SandboxCredentials;
  } catch (error) {
    read.problems.push(
      `PAYMENT_SANDBOX_CREDENTIALS: cannot read the sandbox's test credentials at ${file} (${(error as Error).message}); give the real credentials and PAYMENT_SANDBOX=false`,
    );
    return undefined;
  }
}

/**
 * SHA-256 of every sandbox credential (whitespace removed): how a production configuration is
 * refused for holding one, without the app carrying the keys themselves. A test holds the list to
 * the sandbox's file.
 */
export const SANDBOX_FINGERPRINTS: ReadonlySet<string> = new Set([
  // cashier.merchantId
  'c40805f57953847f0100277d02a5a70258f434675f88b4997f4228dd4ccb727e',
  // cashier.apiSecret
  '7d0006603815de6eb8d01546910003c39c54b06cb315fd269ed59903c83a67f9',
  // cashier.notifySecret
  '922b09191e210059c33dddecb73493873826685e6de271c8288446661487c5d6',
  // wechat.appId
  '6707470e6012cfde2fe4aff53d8f3352a0bd238da82ab057226bb7ed110f8b75',
  // wechat.merchantId
  '89a31e85bb583a9ef96c108b25d100f7cbeca82f05f5451d55ca2b62bd9280fb',
  // wechat.apiV3Key
  'bbdba572d0a9351f14e4753c1bab04ca2d79c8cbc9e84304ee8ffb0fc6a420c5',
  // wechat.platformSerial
  '7f45591eef7ccc40fe1162b0b017b6195ebf43d2e48e3d27e3f1689e4e3e004f',
  // wechat.merchantSerial
  '533b68a65dc4ce8376d2ab02750212dc9f1451acede68b1e1ad12c0f850886f2',
  // wechat.merchantPrivateKey
  '73b93dbb7b2724db02ca0a7f034c62d32d2913783f5ceff2f4dff406a3424655',
  // wechat.platformPublicKey
  'c6e40cdcbe0633882fec01444d73481f20382b89cd31647846b047871c06580b',
  // alipay.appId
  'e2825d2244f4175b6cf9f1731940a13ca04bbc0ff7402d18df51dbfca074b87a',
  // alipay.sellerId
  '4eaa37eeb81234f6fa22a9d712a2f74e3f002a04ad95a86e2bd72de106218642',
  // alipay.appPrivateKey
  'd2ec965dfbf5651b194ca1d48de5fc183fcf5a2fc285f08ceec70dbb4757daa3',
  // alipay.platformPublicKey
  '705f410f23b3e2163b32f06cc64a08bfad8afe689c885b09ad7b4dc855087417',
]);

/** Whether `value` is one of the sandbox's credentials. */
export function isSandboxCredential(value: string): boolean {
  return SANDBOX_FINGERPRINTS.has(credentialFingerprint(value));
}

export function credentialFingerprint(value: string): string {
  return createHash('sha256').update(value.replace(/\s+/g, '')).digest('hex');
}
