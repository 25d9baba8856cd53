import { createHmac, timingSafeEqual } from 'node:crypto';

/** The claims of our access tokens: Medusa v1's `{ customer_id, domain: "store" }` or `{ user_id, domain: "admin" }`. */
export interface TokenClaims {
  customer_id?: string;
  user_id?: string;
  domain: 'store' | 'admin';
  iat: number;
  exp: number;
}

const HEADER = Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT' })).toString('base64url');

function signature(input: string, secret: string): Buffer {
  return createHmac('sha256', secret).update(input).digest();
}

/** A signed JWT (HS256) with `claims`, valid for `ttlSeconds` from now. */
export function signToken(
  claims: Omit<TokenClaims, 'iat' | 'exp'>,
  secret: string,
  ttlSeconds: number,
  now = Date.now(),
): string {
  const iat = Math.floor(now / 1000);
  const payload = Buffer.from(JSON.stringify({ ...claims, iat, exp: iat + ttlSeconds })).toString(
    'base64url',
  );
  const input = `${HEADER}.${payload}`;
  return `${input}.${signature(input, secret).toString('base64url')}`;
}

/** The claims of a token we signed that has not expired, else null (any other algorithm is refused). */
export function verifyToken(token: string, secret: string, now = Date.now()): TokenClaims | null {
  const parts = token.split('.');
  if (parts.length !== 3 || parts[0] !== HEADER) return null;
  const given = Buffer.from(parts[2], 'base64url');
  const expected = signature(`${parts[0]}.${parts[1]}`, secret);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  let claims: TokenClaims;
  try {
    claims = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8')) as TokenClaims;
  } catch {
    return null;
  }
  if (typeof claims.exp !== 'number' || claims.exp * 1000 <= now) return null;
  if (claims.domain === 'store' && typeof claims.customer_id === 'string') return claims;
  if (claims.domain === 'admin' && typeof claims.user_id === 'string') return claims;
  return null;
}
