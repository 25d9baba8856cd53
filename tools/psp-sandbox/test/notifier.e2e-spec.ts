import { createServer, IncomingMessage, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { signedHeaders } from '../src/hmac-signature';
import { Notifier } from '../src/notifier';

describe('sandbox notifications', () => {
  let server: Server;
  let url: string;
  const received: { headers: IncomingMessage['headers']; body: string }[] = [];
  let failuresLeft = 0;

  beforeAll(async () => {
    server = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk) => (body += chunk));
      request.on('end', () => {
        received.push({ headers: request.headers, body });
        response.statusCode = failuresLeft-- > 0 ? 503 : 200;
        response.end('ok');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('are retried with backoff until answered 2xx, each delivery signed anew, the event id kept', async () => {
    failuresLeft = 2;
    received.length = 0;
    const notifier = new Notifier([50, 100, 200]);
    const body = JSON.stringify({ event_id: 'EV1', status: 'SUCCESS' });
    notifier.send({
      url,
      eventId: 'EV1',
      body,
      contentType: 'application/json',
      sign: (text) => signedHeaders('secret', text),
      accepted: (status) => status >= 200 && status < 300,
    });
    const deadline = Date.now() + 5_000;
    while (notifier.deliveries.length < 3 && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 20));
    await new Promise((r) => setTimeout(r, 400));
    expect(notifier.deliveries.map((delivery) => [delivery.attempt, delivery.status])).toEqual([
      [1, 503],
      [2, 503],
      [3, 200],
    ]);
    expect(new Set(received.map((delivery) => delivery.headers['x-pay-nonce'])).size).toBe(3);
    expect(received.every((delivery) => JSON.parse(delivery.body).event_id === 'EV1')).toBe(true);
    const signatures = received.map((delivery) => delivery.headers['x-pay-signature']);
    expect(new Set(signatures).size).toBe(3);
  });

  it('stop after the last backoff step when never answered', async () => {
    failuresLeft = 100;
    const notifier = new Notifier([20, 20]);
    notifier.send({
      url,
      eventId: 'EV2',
      body: '{}',
      contentType: 'application/json',
      sign: () => ({}),
      accepted: (status) => status === 200,
    });
    // A loaded machine may take longer than the backoff's 40 ms: wait for the three attempts, then
    // long enough for a fourth to have come, had the notifier not stopped.
    const attempts = () => notifier.deliveries.filter((delivery) => delivery.event_id === 'EV2');
    const deadline = Date.now() + 5_000;
    while (attempts().length < 3 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    await new Promise((r) => setTimeout(r, 400));
    expect(attempts()).toHaveLength(3);
    notifier.stop();
  });
});
