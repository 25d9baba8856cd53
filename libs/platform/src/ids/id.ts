import { ulid } from 'ulid';

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
] as const;

export type IdPrefix = (typeof ID_PREFIXES)[number];

const ULID_BODY = '[0-9A-HJKMNP-TV-Z]{26}';

/** A new, time-ordered, unguessable id such as `cart_01HZ…`. */
export function newId(prefix: IdPrefix): string {
  return `${prefix}_${ulid()}`;
}

/** Whether `value` has the shape of an id with this prefix (it may still not exist). */
export function isId(value: unknown, prefix: IdPrefix): value is string {
  return typeof value === 'string' && new RegExp(`^${prefix}_${ULID_BODY}$`).test(value);
}
