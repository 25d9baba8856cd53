import { createHash } from 'node:crypto';

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const TIME_PART = '01KDVDNA10';

/**
 * A fixed id for a demo record: `<prefix>_` + a ULID whose time part is constant and whose random
 * part comes from a hash of `key`, so every machine seeds the same ids.
 */
export function demoId(prefix: string, key: string): string {
  const digest = createHash('sha256').update(`${prefix}:${key}`).digest();
  let body = '';
  for (let i = 0; i < 16; i += 1) body += CROCKFORD[digest[i] % 32];
  return `${prefix}_${TIME_PART}${body}`;
}
