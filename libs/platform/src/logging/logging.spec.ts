import { IncomingMessage } from 'node:http';
import { loadPlatformConfig } from '../config/platform-config';
import { runInRequestContext } from '../context/request-context';
import { correlationIdFor, createLogger } from './logging';

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
