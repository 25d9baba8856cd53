import { randomFillSync } from 'node:crypto';

/** Medusa-style id prefixes; every id is `<prefix>_<ULID>`. */
export const ID_PREFIXES = [
  'cart',
  'item',
  'order',
  'reg',
  'prod',
  'variant',
  'so',
  'sm',
  'ps',
  'pay',
  'paycol',
  'evt',
  'ikey',
  'res',
  'addr',
  'ptx',
  'ref',
  'whe',
  'whd',
  'msg',
  'cus',
  'usr',
  'pte',
  'rr',
  'ful',
  'ret',
  'gift',
  'gct',
  'swap',
  'oe',
  'oic',
  'litl',
  'smtl',
  'sc',
  'pk',
  'sp',
  'ptyp',
  'ptag',
  'img',
  'opt',
  'optval',
  'ma',
  'sor',
  'iadj',
  'cgrp',
  'pl',
  'pcol',
  'pcat',
  'disc',
  'dru',
  'discon',
] as const;

export type IdPrefix = (typeof ID_PREFIXES)[number];

const ULID_BODY = '[0-9A-HJKMNP-TV-Z]{26}';

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
/** Random bytes drawn ahead, 80 bits per id, so that an id costs no call into the kernel's generator. */
const pool = Buffer.alloc(10 * 256);
let drawn = pool.length;

/** A new, time-ordered, unguessable id such as `cart_01HZ…`: the prefix and a ULID. */
export function newId(prefix: IdPrefix): string {
  return `${prefix}_${ulid(Date.now())}`;
}

/** A ULID: 48 bits of milliseconds, then 80 random bits, in Crockford's base 32 (26 characters). */
function ulid(now: number): string {
  let text = '';
  for (let index = 9, time = now; index >= 0; index -= 1, time = Math.floor(time / 32)) {
    text = CROCKFORD[time % 32] + text;
  }
  if (drawn === pool.length) {
    randomFillSync(pool);
    drawn = 0;
  }
  // 10 bytes = 80 bits = 16 characters of 5 bits.
  let bits = 0;
  let value = 0;
  for (let index = drawn; index < drawn + 10; index += 1) {
    value = (value << 8) | pool[index];
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      text += CROCKFORD[(value >> bits) & 31];
    }
    value &= (1 << bits) - 1;
  }
  drawn += 10;
  return text;
}

/** Whether `value` has the shape of an id with this prefix (it may still not exist). */
export function isId(value: unknown, prefix: IdPrefix): value is string {
  return typeof value === 'string' && new RegExp(`^${prefix}_${ULID_BODY}$`).test(value);
}
