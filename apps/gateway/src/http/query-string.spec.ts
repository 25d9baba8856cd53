import { parseQueryString, queryParameterCount } from './query-string';

describe('parseQueryString reads what medusa-js (qs.stringify) writes', () => {
  it.each([
    ['created_at[gt]=2024-01-01&limit=10', { created_at: { gt: '2024-01-01' }, limit: '10' }],
    ['id[]=a&id[]=b', { id: ['a', 'b'] }],
    ['id[0]=a&id[1]=b', { id: ['a', 'b'] }],
    ['expand=countries%2Cpayment_providers', { expand: 'countries,payment_providers' }],
    ['', {}],
  ])('%p', (query, expected) => {
    expect(parseQueryString(query)).toEqual(expected);
  });

  it('never writes prototype keys', () => {
    const parsed = parseQueryString('__proto__[polluted]=yes&constructor[prototype][x]=1');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.keys(parsed)).not.toContain('__proto__');
  });
});

describe('queryParameterCount', () => {
  it.each([
    ['/store/products', 0],
    ['/store/products?', 0],
    ['/store/products?limit=1', 1],
    ['/store/products?id[]=a&id[]=b&&limit=2', 3],
  ])('%s carries %d', (url, count) => {
    expect(queryParameterCount(url)).toBe(count);
  });
});
