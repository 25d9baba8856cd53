import { createSign, createVerify } from 'node:crypto';

/** SHA256withRSA (WeChat Pay v3, Alipay RSA2): base64 signature of `message` with a PEM private key. */
export function rsaSign(privateKeyPem: string, message: string): string {
  return createSign('RSA-SHA256').update(message, 'utf8').sign(privateKeyPem, 'base64');
}

/** Whether `signature` (base64) signs `message` for the PEM public key; false for any malformed input. */
export function rsaVerify(publicKeyPem: string, message: string | Buffer, signature: string): boolean {
  try {
    return createVerify('RSA-SHA256').update(message).verify(publicKeyPem, signature, 'base64');
  } catch {
    return false;
  }
}
