import { createSign, createVerify } from 'node:crypto';

export const rsaSign = (privateKeyPem: string, message: string) =>
  createSign('RSA-SHA256').update(message, 'utf8').sign(privateKeyPem, 'base64');

export function rsaVerify(publicKeyPem: string, message: string, signature: string): boolean {
  try {
    return createVerify('RSA-SHA256').update(message, 'utf8').verify(publicKeyPem, signature, 'base64');
  } catch {
    return false;
  }
}
