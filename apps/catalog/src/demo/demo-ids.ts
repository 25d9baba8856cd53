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

const slug = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, '-');

/** Fixed ids of the demo records, derived from their natural keys. */
export const demoIds = {
  profile: (type: 'default' | 'gift_card') => demoId('sp', type),
  collection: (handle: string) => demoId('pcol', handle),
  type: (value: string) => demoId('ptyp', slug(value)),
  tag: (value: string) => demoId('ptag', value),
  category: (handle: string) => demoId('pcat', handle),
  product: (handle: string) => demoId('prod', handle),
  image: (url: string) => demoId('img', url),
  option: (handle: string, title: string) => demoId('opt', `${handle}/${title}`),
  variant: (sku: string) => demoId('variant', sku),
  optionValue: (sku: string, title: string) => demoId('optval', `${sku}/${title}`),
  price: (key: string) => demoId('ma', key),
  priceList: (key: string) => demoId('pl', key),
  shippingOption: (key: string) => demoId('so', key),
};
