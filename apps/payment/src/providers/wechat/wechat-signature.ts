import { createDecipheriv, randomBytes } from 'node:crypto';
import { rsaSign } from '../rsa-signature';

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
