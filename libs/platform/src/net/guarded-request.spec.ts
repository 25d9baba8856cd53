import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { guardedLookup, postGuarded } from './guarded-request';

describe('outgoing calls only to public addresses', () => {
  let server: Server;
  let received = 0;
  let url: string;

  beforeAll(async () => {
    server = createServer((incoming, response) => {
      received += 1;
      incoming.resume();
      incoming.on('end', () => response.end('{"ok":true}'));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://localhost:${(server.address() as AddressInfo).port}/hooks`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  it('a name resolving to a private address is refused before any connection', async () => {
    const lookedUp = await new Promise<{ error: NodeJS.ErrnoException | null }>((resolve) =>
      guardedLookup('localhost', {}, (error) => resolve({ error })),
    );
    expect(lookedUp.error?.code).toBe('EPRIVATEADDRESS');
    const before = received;
    const options = { headers: {}, body: '{}', timeoutMs: 2_000, allowPrivate: false };
    await expect(postGuarded(url, options)).rejects.toThrow(/private address/);
    await expect(postGuarded(url.replace('localhost', '127.0.0.1'), options)).rejects.toThrow(
      /private address/,
    );
    expect(received).toBe(before);
  });

  it('with private callbacks allowed (development), the call goes through', async () => {
    const answer = await postGuarded(url, { headers: {}, body: '{}', timeoutMs: 2_000, allowPrivate: true });
    expect(answer).toEqual({ status: 200, text: '{"ok":true}' });
  });

  it('an endpoint that does not answer in time is given up', async () => {
    const silent = createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    try {
      const target = `http://127.0.0.1:${(silent.address() as AddressInfo).port}/`;
      await expect(
        postGuarded(target, { headers: {}, body: '{}', timeoutMs: 200, allowPrivate: true }),
      ).rejects.toThrow(/no answer within 200 ms/);
    } finally {
      silent.closeAllConnections();
      await new Promise((resolve) => silent.close(resolve));
    }
  });
});
