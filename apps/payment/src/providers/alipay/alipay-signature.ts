import { rsaSign, rsaVerify } from '../rsa-signature';

/** Alipay's signing content: every parameter but `sign` (and `sign_type` for notifications), sorted, `k=v&…`, raw values. */
export function signingContent(params: Record<string, string>, omit: string[]): string {
  return Object.keys(params)
    .filter((key) => !omit.includes(key) && params[key] !== undefined && params[key] !== '')
    .sort()
    .map((key) => `${key}=${params[key]}`)
    .join('&');
}

/** Signs request parameters (RSA2) and returns them as Alipay's URL-encoded order string. */
export function signedOrderString(params: Record<string, string>, appPrivateKey: string): string {
  const sign = rsaSign(appPrivateKey, signingContent(params, ['sign']));
  return Object.entries({ ...params, sign })
    .map(([key, value]) => `${key}=${encodeURIComponent(value)}`)
    .join('&');
}

/** Verifies a notification's parameters with Alipay's public key (RSA2, `sign` and `sign_type` left out). */
export function verifyNotification(params: Record<string, string>, platformPublicKey: string): boolean {
  return (
    !!params.sign && rsaVerify(platformPublicKey, signingContent(params, ['sign', 'sign_type']), params.sign)
  );
}

/** `2026-11-22 09:30:00` in China time, Alipay's timestamp format. */
export function alipayTime(date: Date): string {
  return new Date(date.getTime() + 8 * 3600_000).toISOString().slice(0, 19).replace('T', ' ');
}
