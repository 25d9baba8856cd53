import { parseCorsOrigins } from './cors';

describe('parseCorsOrigins reads STORE_CORS as Medusa reads store_cors', () => {
  it('keeps plain origins and turns /…/ entries into regular expressions', () => {
    const [plain, pattern] = parseCorsOrigins(['http://localhost:8000', '/\\.shop\\.test$/']);
    expect(plain).toBe('http://localhost:8000');
    expect(pattern).toBeInstanceOf(RegExp);
    expect((pattern as RegExp).test('https://www.shop.test')).toBe(true);
    expect((pattern as RegExp).test('https://evil.test')).toBe(false);
  });
});
