import { Backoff, sleep } from '../src/bootstrap/backoff';
import { connectUntilStopped } from '../src/nats/connect-until-stopped';
import { TestNatsServer } from '../../../test/support/nats-server';
import { freePort } from '../../../test/support/ports';

/** The first connection to NATS: tried again while NATS is down, and called off when the app stops. */
describe('connectUntilStopped', () => {
  it('connects once NATS comes up', async () => {
    const port = await freePort();
    const attempt = connectUntilStopped(
      { servers: `nats://127.0.0.1:${port}` },
      () => false,
      new Backoff(20, 100),
    );
    await sleep(300);
    const nats = await TestNatsServer.start(port);
    try {
      const connection = await attempt;
      expect(connection?.isClosed()).toBe(false);
      await connection?.close();
    } finally {
      await nats.stop();
    }
  });

  it('gives up when the app stops while NATS cannot be reached, and never connects afterwards', async () => {
    const port = await freePort();
    let stopped = false;
    const attempt = connectUntilStopped(
      { servers: `nats://127.0.0.1:${port}` },
      () => stopped,
      new Backoff(20, 100),
    );
    await sleep(300);
    stopped = true;
    await expect(attempt).resolves.toBeUndefined();
    // NATS coming up later finds nobody still dialling it.
    const monitor = await freePort();
    const nats = await TestNatsServer.start(port, { config: `http: "127.0.0.1:${monitor}"` });
    try {
      await sleep(500);
      const connections = await fetch(`http://127.0.0.1:${monitor}/connz`).then(
        (answer) => answer.json() as Promise<{ num_connections: number }>,
      );
      expect(connections.num_connections).toBe(0);
    } finally {
      await nats.stop();
    }
  });
});
