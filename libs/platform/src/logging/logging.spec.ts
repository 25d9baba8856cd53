import { IncomingMessage } from 'node:http';
import { correlationIdFor } from './logging';

const request = (headers: Record<string, string>) => ({ headers }) as unknown as IncomingMessage;

describe('correlationIdFor', () => {
  it("keeps the caller's sane X-Correlation-Id", () => {
    expect(correlationIdFor(request({ 'x-correlation-id': 'shop-42.a:b' }))).toBe('shop-42.a:b');
  });

  it.each(['', 'has space', 'x'.repeat(129), 'semi;colon'])('replaces %p with a fresh id', (given) => {
    const id = correlationIdFor(request({ 'x-correlation-id': given }));
    expect(id).not.toBe(given);
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
  });
});
