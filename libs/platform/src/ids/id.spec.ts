import { isId, newId } from './id';

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

describe('ids', () => {
  it('are the prefix, an underscore and a ULID', () => {
    expect(newId('cart')).toMatch(/^cart_[0-9A-HJKMNP-TV-Z]{26}$/);
  });

  it('are unique and sort by creation time', async () => {
    const first = newId('order');
    await new Promise((resolve) => setTimeout(resolve, 2));
    const ids = Array.from({ length: 1000 }, () => newId('order'));
    expect(new Set(ids).size).toBe(1000);
    expect(ids.every((id) => id > first)).toBe(true);
  });

  it('encode the time in their first ten characters, as a ULID does', () => {
    const before = Date.now();
    const id = newId('evt');
    const after = Date.now();
    const time = [...id.slice(4, 14)].reduce((value, char) => value * 32 + CROCKFORD.indexOf(char), 0);
    expect(time).toBeGreaterThanOrEqual(before);
    expect(time).toBeLessThanOrEqual(after);
  });

  it('spread their random part over every character of the alphabet', () => {
    const seen = new Set(Array.from({ length: 2000 }, () => newId('ps').slice(-16)).join(''));
    expect(seen.size).toBe(32);
  });

  it.each([
    ['reg_01KDVDNA00GK8MC491TS8HF3WJ', 'reg', true],
    ['reg_01KDVDNA00GK8MC491TS8HF3W', 'reg', false],
    ['cart_01KDVDNA00GK8MC491TS8HF3WJ', 'reg', false],
    ['reg_01KDVDNA00GK8MC491TS8HF3WI', 'reg', false],
    [42, 'reg', false],
  ] as const)('isId(%p, %p) = %p', (value, prefix, expected) => {
    expect(isId(value, prefix)).toBe(expected);
  });
});
