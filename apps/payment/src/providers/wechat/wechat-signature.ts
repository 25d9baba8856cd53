import { createDecipheriv, randomBytes } from 'node:crypto';
import { rsaSign, rsaVerify } from '../rsa-signature';

/** A random nonce of 32 characters, as WeChat Pay's examples use. */
export const nonceString = () => randomBytes(16).toString('hex');

/**
 * The `Authorization` header of a WeChat Pay v3 API call: SHA256withRSA with the merchant key over
 * `method\npath\ntimestamp\nnonce\nbody\n`.
 */
export function authorization(
  merchant: { merchantId: string; serial: string; privateKey: string },
  method: string,
  path: string,
  body: string,
): string {
  const timestamp = String(Math.floor(Date.now() / 1000));
  const nonce = nonceString();
  const signature = rsaSign(merchant.privateKey, `${method}\n${path}\n${timestamp}\n${nonce}\n${body}\n`);
  return `WECHATPAY2-SHA256-RSA2048 mchid="${merchant.merchantId}",nonce_str="${nonce}",timestamp="${timestamp}",serial_no="${merchant.serial}",signature="${signature}"`;
}

/**
 * Checks WeChat Pay's signature on a message it sent — a notification or an API answer: the
 * `Wechatpay-Signature` header, SHA256withRSA with the platform key over `timestamp\nnonce\nbody\n`,
 * under the platform certificate we know (`Wechatpay-Serial`), made within `toleranceSeconds` of `now`.
 * Returns why it fails, or null when it holds.
 */
export function platformSignatureProblem(
  headers: Record<string, string>,
  body: Buffer | string,
  platform: { serial: string; publicKey: string },
  now: Date,
  toleranceSeconds: number,
): string | null {
  const timestamp = headers['wechatpay-timestamp'] ?? '';
  const nonce = headers['wechatpay-nonce'] ?? '';
  const signature = headers['wechatpay-signature'] ?? '';
  if (!/^\d{1,12}$/.test(timestamp) || !nonce || !signature) return 'unsigned';
  if (headers['wechatpay-serial'] !== platform.serial) return 'unknown platform certificate';
  const message = Buffer.concat([
    Buffer.from(`${timestamp}\n${nonce}\n`),
    Buffer.from(body),
    Buffer.from('\n'),
  ]);
  if (!rsaVerify(platform.publicKey, message, signature)) return 'bad signature';
  if (Math.abs(now.getTime() / 1000 - Number(timestamp)) > toleranceSeconds) {
    return 'timestamp outside the tolerance';
  }
  return null;
}

/** Decrypts a notification's AEAD_AES_256_GCM resource: base64 ciphertext whose last 16 bytes are the tag. */
export function decryptResource(
  apiV3Key: string,
  resource: { ciphertext: string; nonce: string; associated_data?: string },
): string {
  const data = Buffer.from(resource.ciphertext, 'base64');
  const decipher = createDecipheriv(
    'aes-256-gcm',
    Buffer.from(apiV3Key, 'utf8'),
    Buffer.from(resource.nonce, 'utf8'),
  );
  decipher.setAuthTag(data.subarray(data.length - 16));
  if (resource.associated_data) decipher.setAAD(Buffer.from(resource.associated_data, 'utf8'));
  return Buffer.concat([decipher.update(data.subarray(0, data.length - 16)), decipher.final()]).toString(
    'utf8',
  );
}
