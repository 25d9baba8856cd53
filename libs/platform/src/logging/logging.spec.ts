import { IncomingMessage } from 'node:http';
import { loadPlatformConfig } from '../config/platform-config';
import { runInRequestContext } from '../context/request-context';
import { correlationIdFor, createLogger, loggedUrl } from './logging';

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

describe('createLogger', () => {
  function captured() {
    const lines: Record<string, unknown>[] = [];
    const stream = { write: (line: string) => lines.push(JSON.parse(line) as Record<string, unknown>) };
    return { lines, logger: createLogger(loadPlatformConfig('catalog', { LOG_LEVEL: 'info' }), stream) };
  }

  it('writes JSON lines naming the app, with the request’s correlation id inside a request', () => {
    const { lines, logger } = captured();
    logger.info('outside');
    runInRequestContext({ correlationId: 'corr-9' }, () => logger.info('inside'));
    expect(lines).toEqual([
      expect.objectContaining({ app: 'catalog', msg: 'outside', level: 30 }),
      expect.objectContaining({ app: 'catalog', msg: 'inside', correlation_id: 'corr-9' }),
    ]);
    expect(lines[0]).not.toHaveProperty('correlation_id');
  });

  it('keeps an explicit correlation id (access log lines) instead of adding a second', () => {
    const { lines, logger } = captured();
    runInRequestContext({ correlationId: 'corr-9' }, () => logger.info({ correlation_id: 'given' }, 'line'));
    expect(lines[0].correlation_id).toBe('given');
  });
});

describe('what logs never show', () => {
  it('masks personal data and credentials at the top of a line and one level in', () => {
    const lines: Record<string, unknown>[] = [];
    const stream = { write: (line: string) => lines.push(JSON.parse(line) as Record<string, unknown>) };
    const logger = createLogger(loadPlatformConfig('customer', { LOG_LEVEL: 'info' }), stream);
    logger.info(
      {
        email: 'ada@example.com',
        customer: { email: 'ada@example.com', phone: '13912344768', id: 'cus_1' },
        token: 'abc',
        body: { password: 'correct horse', address_1: '1 Rue de la Paix' },
      },
      'signed up',
    );
    const text = JSON.stringify(lines[0]);
    for (const secret of ['ada@example.com', '13912344768', 'abc', 'correct horse', 'Rue de la Paix']) {
      expect(text).not.toContain(secret);
    }
    expect(lines[0]).toMatchObject({ customer: { id: 'cus_1', email: '[redacted]' } });
  });

  it.each([
    ['/store/auth/ada@example.com', '/store/auth/[email]'],
    ['/store/auth/ada%40example.com', '/store/auth/[email]'],
    ['/store/orders?display_id=1&email=ada@example.com', '/store/orders?display_id=1&email=[redacted]'],
    ['/store/carts/cart_1?token=secret', '/store/carts/cart_1?token=[redacted]'],
    ['/store/products?limit=10', '/store/products?limit=10'],
  ])('an access line shows %s as %s', (url, shown) => {
    expect(loggedUrl(url)).toBe(shown);
  });

  it('cuts a very long URL', () => {
    const shown = loggedUrl(`/store/products?${'k=1&'.repeat(3000)}`);
    expect(shown.length).toBeLessThanOrEqual(301);
    expect(shown.endsWith('…')).toBe(true);
  });
});
