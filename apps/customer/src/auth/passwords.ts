import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

/** scrypt's cost: N = 2^14, r = 8, p = 1 (OWASP's minimum for scrypt), a 64-byte key, a 16-byte salt. */
const COST = { N: 16_384, r: 8, p: 1 };
const KEY_LENGTH = 64;

function derive(password: string, salt: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(password, salt, KEY_LENGTH, { ...COST, maxmem: 64 * 1024 * 1024 }, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  );
}

/** A password's hash, `scrypt$N$r$p$salt$key` (base64url): what is stored, never the password. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt);
  return ['scrypt', COST.N, COST.r, COST.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

/**
 * Whether `password` is the one `stored` was made from. Without a stored hash (no such account) it
 * still derives a key, so an unknown email takes as long to refuse as a wrong password.
 */
export async function verifyPassword(password: string, stored: string | null): Promise<boolean> {
  const [scheme, , , , salt, key] = (stored ?? '').split('$');
  const expected = scheme === 'scrypt' && salt && key ? Buffer.from(key, 'base64url') : null;
  const derived = await derive(password, expected ? Buffer.from(salt, 'base64url') : UNKNOWN_SALT);
  return expected !== null && expected.length === derived.length && timingSafeEqual(expected, derived);
}

const UNKNOWN_SALT = randomBytes(16);
