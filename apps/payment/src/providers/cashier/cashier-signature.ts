import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** The cashier's signature scheme: hex(HMAC-SHA256(secret, `${timestamp}.${nonce}.${body}`)). */
export function cashierSignature(
  secret: string,
  timestamp: string,
  nonce: string,
  body: string | Buffer,
): string {
  return createHmac('sha256', secret).update(`${timestamp}.${nonce}.`).update(body).digest('hex');
}

/** Headers that sign one request to the cashier API (a new nonce each time). */
export function signRequest(secret: string, body: string, now: Date): Record<string, string> {
  const timestamp = String(Math.floor(now.getTime() / 1000));
  const nonce = randomBytes(16).toString('hex');
  return {
    'x-pay-timestamp': timestamp,
    'x-pay-nonce': nonce,
    'x-pay-signature': cashierSignature(secret, timestamp, nonce, body),
  };
}

/** Compares two hex signatures in constant time (lengths first: `timingSafeEqual` throws on a mismatch). */
export function sameSignature(givenHex: string, expectedHex: string): boolean {
  const given = Buffer.from(givenHex, 'hex');
  const expected = Buffer.from(expectedHex, 'hex');
  return given.length === expected.length && given.length > 0 && timingSafeEqual(given, expected);
}
