import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** The cashier's signature: hex(HMAC-SHA256(secret, `${timestamp}.${nonce}.${body}`)). */
export function hmacSignature(
  secret: string,
  timestamp: string,
  nonce: string,
  body: string | Buffer,
): string {
  return createHmac('sha256', secret).update(`${timestamp}.${nonce}.`).update(body).digest('hex');
}

/** Headers of a freshly signed cashier message (a new timestamp and nonce on every call). */
export function signedHeaders(secret: string, body: string, now = Date.now()): Record<string, string> {
  const timestamp = String(Math.floor(now / 1000));
  const nonce = randomBytes(16).toString('hex');
  return {
    'x-pay-timestamp': timestamp,
    'x-pay-nonce': nonce,
    'x-pay-signature': hmacSignature(secret, timestamp, nonce, body),
  };
}

/** Whether the headers sign `body` with `secret` (constant time), within `toleranceSeconds` of now. */
export function hasValidSignature(
  secret: string,
  headers: Record<string, string | string[] | undefined>,
  body: string | Buffer,
  toleranceSeconds: number,
  now = Date.now(),
): boolean {
  const timestamp = String(headers['x-pay-timestamp'] ?? '');
  const nonce = String(headers['x-pay-nonce'] ?? '');
  const given = Buffer.from(String(headers['x-pay-signature'] ?? ''), 'hex');
  if (!/^\d+$/.test(timestamp) || !nonce) return false;
  if (Math.abs(now / 1000 - Number(timestamp)) > toleranceSeconds) return false;
  const expected = Buffer.from(hmacSignature(secret, timestamp, nonce, body), 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}
