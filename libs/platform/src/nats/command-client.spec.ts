import { command } from '@app/contracts';
import { ErrorCode, MsgHdrs, NatsError, RequestOptions } from 'nats';
import { loadPlatformConfig } from '../config/platform-config';
import { runInRequestContext } from '../context/request-context';
import { CommandTimeoutError, ServiceUnavailableError } from '../errors/transport-errors';
import { CommandClient } from './command-client';
import { NatsConnectionService } from './nats-connection.service';

const echo = command<{ n: number }, { n: number }>('test.echo');
const config = loadPlatformConfig('gateway', { COMMAND_TIMEOUT_MS: '1234' });

function clientAnswering(
  answer: (subject: string, data: Uint8Array, options: RequestOptions) => Promise<{ data: Uint8Array }>,
) {
  const nats = { connection: { request: jest.fn(answer) } } as unknown as NatsConnectionService;
  return {
    client: new CommandClient(nats, config),
    request: (nats.connection as unknown as { request: jest.Mock }).request,
  };
}

const reply = (response: unknown) =>
  Promise.resolve({ data: Buffer.from(JSON.stringify({ response, isDisposed: true })) });

describe('CommandClient', () => {
  it('sends the payload and resolves with the reply, within the default budget', async () => {
    const { client, request } = clientAnswering(() => reply({ n: 2 }));
    await expect(client.request(echo, { n: 1 })).resolves.toEqual({ n: 2 });
    const [subject, data, options] = request.mock.calls[0] as [string, Uint8Array, RequestOptions];
    expect(subject).toBe('test.echo');
    expect(JSON.parse(Buffer.from(data).toString())).toMatchObject({ pattern: 'test.echo', data: { n: 1 } });
    expect(options.timeout).toBe(1234);
  });

  it("carries the request context's correlation id and idempotency key in headers", async () => {
    const { client, request } = clientAnswering(() => reply({ n: 1 }));
    await runInRequestContext({ correlationId: 'corr-1', idempotencyKey: 'key-1' }, () =>
      client.request(echo, { n: 1 }, { timeoutMs: 50 }),
    );
    const headers = (request.mock.calls[0] as [string, Uint8Array, RequestOptions])[2].headers as MsgHdrs;
    expect(headers.get('X-Correlation-Id')).toBe('corr-1');
    expect(headers.get('Idempotency-Key')).toBe('key-1');
  });

  it('reports no responders as unavailable and a timeout as a timeout', async () => {
    const noResponders = clientAnswering(() =>
      Promise.reject(NatsError.errorForCode(ErrorCode.NoResponders)),
    );
    await expect(noResponders.client.request(echo, { n: 1 })).rejects.toBeInstanceOf(ServiceUnavailableError);
    const slow = clientAnswering(() => Promise.reject(NatsError.errorForCode(ErrorCode.Timeout)));
    await expect(slow.client.request(echo, { n: 1 })).rejects.toBeInstanceOf(CommandTimeoutError);
  });
});
