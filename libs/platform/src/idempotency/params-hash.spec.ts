import { paramsHash } from './params-hash';

describe('paramsHash', () => {
  it('ignores key order and undefined members', () => {
    expect(paramsHash({ a: 1, b: { c: [1, 2], d: 'x' } })).toBe(
      paramsHash({ b: { d: 'x', c: [1, 2] }, a: 1, e: undefined }),
    );
  });

  it.each([
    [{ quantity: 1 }, { quantity: 2 }],
    [{ ids: [1, 2] }, { ids: [2, 1] }],
    [{ cart_id: 'cart_a' }, { cart_id: 'cart_b' }],
    [{ value: '1' }, { value: 1 }],
  ])('tells %j from %j', (first, second) => {
    expect(paramsHash(first)).not.toBe(paramsHash(second));
  });
});
