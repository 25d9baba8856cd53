import { DemoRegionIds } from '@app/contracts';
import { createServer, Server, Socket } from 'node:net';
import request from 'supertest';
import { testPostgresUrl } from '../support/databases';
import { TestNatsServer } from '../support/nats-server';
import { freePort } from '../support/ports';
import { createTestEnvironment, eventually } from '../support/test-environment';

/** A TCP proxy to the real Postgres that can be switched on and off, to play "Postgres is down". */
class PostgresProxy {
  private server?: Server;
  private readonly sockets = new Set<Socket>();

  constructor(readonly port: number) {}

  async start(): Promise<void> {
    const target = new URL(testPostgresUrl('postgres'));
    this.server = createServer((client) => {
      const upstream = new Socket();
      upstream.connect(Number(target.port || 5432), target.hostname);
      for (const socket of [client, upstream]) {
        this.sockets.add(socket);
        socket.on('close', () => this.sockets.delete(socket));
        socket.on('error', () => socket.destroy());
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((resolve) => this.server?.listen(this.port, '127.0.0.1', resolve));
  }

  async stop(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

async function readiness(
  url: string,
): Promise<{ status: number; body: { details?: Record<string, { status: string }> } }> {
  const response = await request(url).get('/health/ready');
  return { status: response.status, body: response.body };
}

describe('faults', () => {
  it('a stopped catalog app is a 503 from the gateway within a second, never a hang', async () => {
    const env = await createTestEnvironment({ apps: ['catalog', 'gateway'] });
    try {
      await request(env.url('gateway')).get(`/store/regions/${DemoRegionIds.europe}`).expect(200);
      await env.stop('catalog');
      const started = Date.now();
      const response = await request(env.url('gateway')).get(`/store/regions/${DemoRegionIds.europe}`);
      expect(Date.now() - started).toBeLessThan(1_000);
      expect(response.status).toBe(503);
      expect(response.headers['retry-after']).toBe('1');
      expect(response.body).toMatchObject({ type: 'unexpected_state', code: 'service_unavailable' });
    } finally {
      await env.close();
    }
  });

  it('NATS down at start: the app reports not ready, then recovers when NATS comes up', async () => {
    const port = await freePort();
    const env = await createTestEnvironment({
      apps: ['catalog', 'gateway'],
      env: { NATS_URL: `nats://127.0.0.1:${port}` },
      waitReady: false,
    });
    let nats: TestNatsServer | undefined;
    try {
      await eventually(
        async () => (await readiness(env.url('catalog'))).body.details?.postgres?.status === 'up',
        10_000,
        'postgres up',
      );
      const before = await readiness(env.url('catalog'));
      expect(before.status).toBe(503);
      expect(before.body.details?.nats?.status).toBe('down');
      expect((await readiness(env.url('gateway'))).status).toBe(503);
      const early = await request(env.url('gateway')).get('/store/regions');
      expect(early.status).toBe(503);

      nats = await TestNatsServer.start(port);
      await eventually(
        async () => (await readiness(env.url('catalog'))).status === 200,
        15_000,
        'catalog ready',
      );
      await eventually(
        async () => (await readiness(env.url('gateway'))).status === 200,
        15_000,
        'gateway ready',
      );
      await request(env.url('gateway')).get(`/store/regions/${DemoRegionIds.china}`).expect(200);
    } finally {
      await env.close();
      await nats?.destroy();
    }
  });

  it('Postgres down at start: the app retries with backoff, reports not ready, then recovers', async () => {
    const proxy = new PostgresProxy(await freePort());
    const database = `${process.env.TEST_DATABASE}_pgdown`;
    const databaseUrl = testPostgresUrl(database).replace(/:\d+\//, `:${proxy.port}/`);
    const env = await createTestEnvironment({
      apps: ['catalog'],
      env: { DATABASE_URL: databaseUrl },
      waitReady: false,
    });
    try {
      await new Promise((resolve) => setTimeout(resolve, 500));
      const before = await readiness(env.url('catalog'));
      expect(before.status).toBe(503);
      expect(before.body.details?.postgres?.status).toBe('down');

      await proxy.start();
      await eventually(
        async () => (await readiness(env.url('catalog'))).status === 200,
        15_000,
        'catalog ready',
      );
      const list = await env.commands.request({ subject: 'catalog.region.list' }, {});
      expect((list as { count: number }).count).toBe(2);

      await proxy.stop();
      await eventually(
        async () => (await readiness(env.url('catalog'))).status === 503,
        10_000,
        'not ready after loss',
      );
      await proxy.start();
      await eventually(
        async () => (await readiness(env.url('catalog'))).status === 200,
        15_000,
        'ready again',
      );
    } finally {
      await env.close();
      await proxy.stop();
    }
  });
});
