import { EventEnvelope } from '@app/contracts';
import { newId } from '@app/platform';
import { connect, NatsConnection } from 'nats';
import { createHmac } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { createServer, IncomingHttpHeaders, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestEnvironment, eventually, TestEnvironment } from '../../../test/support/test-environment';

interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/**
 * A merchant's endpoints: `/flaky` fails three times for each event then succeeds, `/down` always
 * fails. (Other suites' apps publish real events on the run's shared stream; counting per event
 * keeps them out of these tests.)
 */
class MerchantServer {
  readonly received: Received[] = [];
  private readonly flakyFailures = new Map<string, number>();
  private server!: Server;
  url = '';

  async start(): Promise<void> {
    this.server = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk) => (body += chunk));
      request.on('end', () => {
        this.received.push({ path: request.url ?? '', headers: request.headers, body });
        const eventId = String(request.headers['x-webhook-id']);
        const failures = this.flakyFailures.get(eventId) ?? 0;
        if (request.url === '/flaky') this.flakyFailures.set(eventId, failures + 1);
        const fail = request.url === '/down' || (request.url === '/flaky' && failures < 3);
        response.statusCode = fail ? 500 : 200;
        response.setHeader('content-type', 'application/json');
        response.end(request.url === '/feishu' ? '{"code":0,"msg":"success"}' : '{"ok":true}');
      });
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  at(path: string, eventId: string): Received[] {
    return this.received.filter((request) => request.path === path && request.body.includes(eventId));
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

const orderEvent = (type: 'order.placed' | 'order.paid', displayId: number): EventEnvelope => ({
  id: newId('evt'),
  type,
  occurred_at: new Date().toISOString(),
  aggregate_id: newId('order'),
  aggregate_version: 1,
  correlation_id: null,
  data: {
    order_id: 'order_test',
    display_id: displayId,
    cart_id: 'cart_test',
    email: 'ada@example.com',
    total: 9900,
    currency_code: 'cny',
  },
});

describe('notifications: merchant webhooks and customer mail', () => {
  const merchant = new MerchantServer();
  const mailDir = mkdtempSync(join(tmpdir(), 'checkout-mail-'));
  let env: TestEnvironment;
  let nats: NatsConnection;
  const publish = (event: EventEnvelope, msgId = event.id) =>
    nats.jetstream().publish(`events.${event.type}`, JSON.stringify(event), { msgID: msgId });
  const attempts = (eventId: string, url: string) =>
    env.sql<{ status_code: number | null; latency_ms: number }>(
      `SELECT a.status_code, a.latency_ms FROM notification.webhook_attempt a
       JOIN notification.webhook_delivery d ON d.id = a.delivery_id
       JOIN notification.webhook_endpoint e ON e.id = d.endpoint_id
       WHERE d.event_id = $1 AND e.url = $2 ORDER BY a.attempt`,
      [eventId, url],
    );
  const delivery = async (eventId: string, url: string) =>
    (
      await env.sql<{ status: string; attempts: number }>(
        `SELECT d.status, d.attempts FROM notification.webhook_delivery d
         JOIN notification.webhook_endpoint e ON e.id = d.endpoint_id WHERE d.event_id = $1 AND e.url = $2`,
        [eventId, url],
      )
    )[0];

  beforeAll(async () => {
    await merchant.start();
    env = await createTestEnvironment({
      apps: ['notification'],
      freshDatabase: true,
      env: {
        MERCHANT_WEBHOOKS: JSON.stringify([
          { url: `${merchant.url}/flaky`, secret: 'flaky-secret', events: ['order.paid'] },
          {
            url: `${merchant.url}/feishu`,
            secret: 'feishu-secret',
            channel: 'feishu',
            events: ['order.paid'],
          },
          { url: `${merchant.url}/down`, secret: 'down-secret', events: ['order.placed'] },
        ]),
        WEBHOOK_BACKOFF_MS: '50,50,50,50',
        WEBHOOK_POLL_MS: '50',
        MAIL_TRANSPORT: 'file',
        MAIL_DIR: mailDir,
      },
    });
    nats = await connect({ servers: env.env.NATS_URL });
  });
  afterAll(async () => {
    await nats.close();
    await env.close();
    await merchant.close();
  });

  it('an endpoint failing three times then succeeding: one delivery, four logged attempts, each signed anew', async () => {
    const paid = orderEvent('order.paid', 900041);
    await publish(paid);
    const url = `${merchant.url}/flaky`;
    await eventually(async () => (await delivery(paid.id, url))?.status === 'delivered', 10_000, 'delivered');
    expect(await delivery(paid.id, url)).toEqual({ status: 'delivered', attempts: 4 });
    const logged = await attempts(paid.id, url);
    expect(logged.map((attempt) => attempt.status_code)).toEqual([500, 500, 500, 200]);
    for (const attempt of logged) expect(attempt.latency_ms).toBeGreaterThanOrEqual(0);
    const requests = merchant.at('/flaky', paid.id);
    expect(requests).toHaveLength(4);
    for (const request of requests) {
      const timestamp = String(request.headers['x-webhook-timestamp']);
      const expected = createHmac('sha256', 'flaky-secret')
        .update(`${timestamp}.${request.body}`)
        .digest('hex');
      expect(request.headers['x-webhook-signature']).toBe(expected);
      expect(request.headers['x-webhook-id']).toBe(paid.id);
      expect(JSON.parse(request.body)).toMatchObject({
        id: paid.id,
        type: 'order.paid',
        data: { display_id: 900041 },
      });
    }
  });

  it('a duplicate event delivers once', async () => {
    const paid = orderEvent('order.paid', 900042);
    await publish(paid, `${paid.id}-first`);
    await publish(paid, `${paid.id}-again`);
    const url = `${merchant.url}/feishu`;
    await eventually(async () => (await delivery(paid.id, url))?.status === 'delivered', 10_000, 'delivered');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(merchant.at('/feishu', `#900042`)).toHaveLength(1);
  });

  it('speaks Feishu to a Feishu bot: 订单支付成功通知, signed as Feishu checks it', async () => {
    const paid = orderEvent('order.paid', 900043);
    await publish(paid);
    await eventually(async () => merchant.at('/feishu', '#900043').length === 1, 10_000, 'feishu message');
    const message = JSON.parse(merchant.at('/feishu', '#900043')[0].body);
    expect(message).toMatchObject({ msg_type: 'text' });
    expect(message.content.text).toBe(
      '订单支付成功通知\n订单号：#900043\n金额：CNY 99.00\n客户：ada@example.com',
    );
    const sign = createHmac('sha256', `${message.timestamp}\nfeishu-secret`).update('').digest('base64');
    expect(message.sign).toBe(sign);
  });

  it('an endpoint that never answers 2xx is dead after the last backoff step, every attempt logged', async () => {
    const placed = orderEvent('order.placed', 900044);
    await publish(placed);
    const url = `${merchant.url}/down`;
    await eventually(async () => (await delivery(placed.id, url))?.status === 'dead', 10_000, 'dead');
    expect(await delivery(placed.id, url)).toEqual({ status: 'dead', attempts: 5 });
    expect((await attempts(placed.id, url)).map((attempt) => attempt.status_code)).toEqual([
      500, 500, 500, 500, 500,
    ]);
  });

  it('mails the customer an order confirmation and a payment receipt, once each', async () => {
    const placed = orderEvent('order.placed', 900045);
    const paid = { ...orderEvent('order.paid', 900045), aggregate_id: placed.aggregate_id };
    await publish(placed);
    await publish(paid);
    await publish(paid, `${paid.id}-again`);
    const sent = () =>
      env.sql<{ kind: string; status: string; subject: string }>(
        'SELECT kind, status, subject FROM notification.message WHERE event_id = ANY($1) ORDER BY kind',
        [[placed.id, paid.id]],
      );
    const allSent = async () => {
      const messages = await sent();
      return messages.length === 2 && messages.every((message) => message.status === 'sent');
    };
    await eventually(allSent, 10_000, 'mail sent');
    expect(await sent()).toEqual([
      {
        kind: 'order_confirmation',
        status: 'sent',
        subject: 'Order #900045 confirmed / 订单 #900045 已确认',
      },
      {
        kind: 'payment_receipt',
        status: 'sent',
        subject: 'Payment received for order #900045 / 订单 #900045 支付成功',
      },
    ]);
    const files = readdirSync(mailDir).map((file) => JSON.parse(readFileSync(join(mailDir, file), 'utf8')));
    const ours = files.filter((mail) => mail.subject.includes('#900045'));
    expect(ours).toHaveLength(2);
    expect(ours[0].to).toEqual([{ address: 'ada@example.com', name: '' }]);
    expect(ours.map((mail) => mail.text).join('\n')).toContain('CNY 99.00');
  });
});

describe('notifications: private addresses', () => {
  it('refuses an endpoint on a private address unless ALLOW_PRIVATE_CALLBACKS allows it', async () => {
    const merchant = new MerchantServer();
    await merchant.start();
    const env = await createTestEnvironment({
      apps: ['notification'],
      freshDatabase: true,
      env: {
        MERCHANT_WEBHOOKS: JSON.stringify([
          { url: `${merchant.url}/flaky`, secret: 's', events: ['order.paid'] },
        ]),
        WEBHOOK_BACKOFF_MS: '20',
        WEBHOOK_POLL_MS: '50',
        ALLOW_PRIVATE_CALLBACKS: 'false',
      },
    });
    const nats = await connect({ servers: env.env.NATS_URL });
    try {
      const paid = orderEvent('order.paid', 900046);
      await nats.jetstream().publish('events.order.paid', JSON.stringify(paid), { msgID: paid.id });
      await eventually(
        async () =>
          (
            await env.sql<{ status: string }>(
              'SELECT status FROM notification.webhook_delivery WHERE event_id = $1',
              [paid.id],
            )
          )[0]?.status === 'dead',
        10_000,
        'refused',
      );
      const [attempt] = await env.sql<{ error: string }>(
        `SELECT a.error FROM notification.webhook_attempt a JOIN notification.webhook_delivery d ON d.id = a.delivery_id
         WHERE d.event_id = $1 LIMIT 1`,
        [paid.id],
      );
      expect(attempt.error).toContain('private address');
      expect(merchant.received).toHaveLength(0);
    } finally {
      await nats.close();
      await env.close();
      await merchant.close();
    }
  });
});
