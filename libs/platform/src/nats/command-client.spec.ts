import { command } from '@app/contracts/common/command';
import { MsgHdrs } from 'nats';
import { loadPlatformConfig } from '../config/platform-config';
import { runInRequestContext } from '../context/request-context';
import { markTransactions } from '../database/transaction-guard';
import { DomainError } from '../errors/domain-error';
import { EntityManager } from 'typeorm';
import { CommandClient } from './command-client';
import { NatsConnectionService } from './nats-connection.service';

const echo = command<{ n: number }, { n: number }>('test.echo');
const config = loadPlatformConfig('gateway', { COMMAND_TIMEOUT_MS: '1234' });

type Request = (
  subject: string,
  data: Uint8Array,
  headers: MsgHdrs,
  timeoutMs: number,
) => Promise<{ data: Uint8Array }>;

function clientAnswering(answer: Request) {
  const request = jest.fn(answer);
  const nats = { request } as unknown as NatsConnectionService;
  return { client: new CommandClient(nats, config), request };
}

const reply = (packet: unknown) => Promise.resolve({ data: Buffer.from(JSON.stringify(packet)) });

describe('CommandClient', () => {
  it('sends the payload in Nest’s wire format and resolves with the reply, within the default budget', async () => {
    const { client, request } = clientAnswering(() => reply({ response: { n: 2 }, isDisposed: true }));
    await expect(client.request(echo, { n: 1 })).resolves.toEqual({ n: 2 });
    const [subject, data, , timeout] = request.mock.calls[0];
    expect(subject).toBe('test.echo');
    expect(JSON.parse(Buffer.from(data).toString())).toMatchObject({ pattern: 'test.echo', data: { n: 1 } });
    expect(timeout).toBe(1234);
  });

  it("carries the request context's correlation id, and at the edge its idempotency key, in headers", async () => {
    const { client, request } = clientAnswering(() => reply({ response: { n: 1 }, isDisposed: true }));
    await runInRequestContext(
      { correlationId: 'corr-1', idempotencyKey: 'key-1', forwardIdempotencyKey: true },
      () => client.request(echo, { n: 1 }, { timeoutMs: 50 }),
    );
    const [, , headers, timeout] = request.mock.calls[0];
    expect(headers.get('X-Correlation-Id')).toBe('corr-1');
    expect(headers.get('Idempotency-Key')).toBe('key-1');
    expect(timeout).toBe(50);
  });

  it("inside an app, sends the handled request's key only when given explicitly", async () => {
    const { client, request } = clientAnswering(() => reply({ response: { n: 1 }, isDisposed: true }));
    await runInRequestContext({ correlationId: 'corr-2', idempotencyKey: 'shopper-key' }, async () => {
      await client.request(echo, { n: 1 });
      await client.request(echo, { n: 2 }, { idempotencyKey: 'step-key' });
    });
    expect(request.mock.calls[0][2].get('Idempotency-Key')).toBe('');
    expect(request.mock.calls[1][2].get('Idempotency-Key')).toBe('step-key');
  });

  it("throws the handler's domain error", async () => {
    const { client } = clientAnswering(() =>
      reply({ err: { type: 'not_found', message: 'gone' }, isDisposed: true }),
    );
    const error = await client.request(echo, { n: 1 }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ type: 'not_found', message: 'gone' });
  });

  it('refuses to send while the caller holds a database transaction, and sends once it committed', async () => {
    const original = EntityManager.prototype.transaction;
    EntityManager.prototype.transaction = function (this: EntityManager, ...args: unknown[]) {
      return (args[0] as (manager: EntityManager) => Promise<unknown>)(this);
    } as typeof original;
    markTransactions();
    try {
      const { client, request } = clientAnswering(() => reply({ response: { n: 1 }, isDisposed: true }));
      const manager = Object.create(EntityManager.prototype) as EntityManager;
      await expect(manager.transaction(() => client.request(echo, { n: 1 }))).rejects.toThrow(
        'The command test.echo was called inside a database transaction',
      );
      expect(request).not.toHaveBeenCalled();
      await expect(client.request(echo, { n: 1 })).resolves.toEqual({ n: 1 });
    } finally {
      EntityManager.prototype.transaction = original;
    }
  });
});
