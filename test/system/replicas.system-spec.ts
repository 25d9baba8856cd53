import { DemoVariantIds } from '@app/contracts';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { ALL_APPS } from '../support/admin';
import { complete, readyForCheckout } from '../support/checkout';
import { freePort } from '../support/ports';
import { payHostedPage, Sandbox, startTestSandbox, TEST_CARDS } from '../support/psp-sandbox';
import { SmtpSink } from '../support/smtp-sink';
import { Json } from '../support/store-carts';
import { createTestEnvironment, eventually, TestEnvironment } from '../support/test-environment';

const CHECKOUTS = 50;
const GIFT_CARD_MAIL = /^Your gift card/;
const CONFIRMATION_MAIL = /^Order #\d+ confirmed/;
const RECEIPT_MAIL = /^Payment received for order #\d+/;
const SHOPPERS = 10;
/** The schemas whose outbox must be empty once everything settled. */
const SCHEMAS = ['catalog', 'cart', 'payment', 'order', 'notification', 'customer'];

/** Completes the cart (one key per cart, as medusa-js sends it) until it answers its order. */
async function completeUntilOrder(gateway: string, cartId: string): Promise<Json> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const answer = await complete(gateway, cartId, `replicas-${cartId}`);
    if (answer.status === 200 && answer.body.type === 'order') return answer.body.data;
    // 409: another completion in flight; `cart`: the cashier's notification has not arrived yet.
    const waiting = answer.status === 409 || (answer.status === 200 && answer.body.type === 'cart');
    if (!waiting || Date.now() > deadline) {
      throw new Error(`complete ${cartId}: ${answer.status} ${JSON.stringify(answer.body).slice(0, 300)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * Two replicas of every app on one NATS and one database, as a cluster runs them: shoppers set
 * their carts up through one gateway and complete them through the other, half paying by hand
 * (manual) and half on the sandbox's hosted cashier page. Each buys a gift card (mailed) and a tote
 * (stock). Exactly one order per cart, each merchant webhook delivered once, each mail sent once
 * (counted by a real SMTP server), stock moved once, and every outbox empty afterwards.
 */
describe('two replicas of every app', () => {
  let sandbox: Sandbox;
  let sink: SmtpSink;
  let merchant: Server;
  const hooks: { id: string; event: string; body: Json }[] = [];
  let first: TestEnvironment;
  let second: TestEnvironment;

  beforeAll(async () => {
    sink = new SmtpSink();
    await sink.start();
    merchant = createServer((incoming, response) => {
      let text = '';
      incoming.on('data', (chunk) => (text += chunk));
      incoming.on('end', () => {
        const body = JSON.parse(text) as Json;
        // Only this store's orders count (as for the mails below: other suites' events can reach us).
        if (String(body.data?.email ?? '').startsWith('replica-')) {
          hooks.push({
            id: String(incoming.headers['x-webhook-id']),
            event: String(incoming.headers['x-webhook-event']),
            body,
          });
        }
        response.end('{}');
      });
    });
    await new Promise<void>((resolve) => merchant.listen(0, '127.0.0.1', resolve));
    sandbox = await startTestSandbox();
    const shared = {
      PSP_BASE_URL: sandbox.url,
      MAIL_TRANSPORT: 'smtp',
      SMTP_URL: sink.url,
      WEBHOOK_POLL_MS: '50',
      MERCHANT_WEBHOOKS: JSON.stringify([
        {
          url: `http://127.0.0.1:${(merchant.address() as AddressInfo).port}/hooks`,
          secret: 'merchant-secret',
          events: ['order.placed'],
        },
      ]),
    };
    for (let attempt = 1; !first; attempt += 1) {
      // The payment apps name the first gateway to the sandbox for its notifications.
      const port = await freePort();
      try {
        first = await createTestEnvironment({
          apps: ALL_APPS,
          freshDatabase: true,
          ports: { gateway: port },
          env: { ...shared, PUBLIC_BASE_URL: `http://127.0.0.1:${port}` },
        });
      } catch (error) {
        if ((error as { code?: string }).code !== 'EADDRINUSE' || attempt >= 3) throw error;
      }
    }
    second = await createTestEnvironment({
      apps: ALL_APPS,
      env: { ...first.env, GATEWAY_PORT: '0' },
    });
  });
  afterAll(async () => {
    await second?.close();
    await first?.close();
    await sandbox?.close();
    await sink?.close();
    await new Promise((resolve) => merchant?.close(resolve));
  });

  it(`${CHECKOUTS} checkouts (manual and cashier) across both: ${CHECKOUTS} orders, every webhook and mail once, outboxes empty`, async () => {
    const gateways = [first.url('gateway'), second.url('gateway')];
    expect(gateways[0]).not.toBe(gateways[1]);
    const placed: { cart: string; order: Json; email: string; provider: string }[] = [];
    let next = 0;
    const shopper = async () => {
      for (let index = next++; index < CHECKOUTS; index = next++) {
        const email = `replica-${index}@example.com`;
        const cart = await readyForCheckout(gateways[index % 2], {
          items: [
            { variant_id: DemoVariantIds.giftCardMedium, quantity: 1 },
            { variant_id: DemoVariantIds.tote, quantity: 1 },
          ],
          provider: index % 4 < 2 ? 'manual' : 'cashier',
          email,
        });
        if (cart.payment_session.provider_id === 'cashier') {
          const paid = await payHostedPage(cart.payment_session.data.session_url, TEST_CARDS.success);
          expect(paid.status).toBe(303);
        }
        placed.push({
          provider: cart.payment_session.provider_id,
          cart: cart.id,
          order: await completeUntilOrder(gateways[(index + 1) % 2], cart.id),
          email,
        });
      }
    };
    await Promise.all(Array.from({ length: SHOPPERS }, shopper));

    expect(placed).toHaveLength(CHECKOUTS);
    const orders = await first.sql<{ cart_id: string; orders: number }>(
      'SELECT cart_id, count(*)::int AS orders FROM "order"."order" GROUP BY cart_id ORDER BY cart_id',
    );
    expect(orders).toEqual(
      placed
        .map(({ cart }) => ({ cart_id: cart, orders: 1 }))
        .sort((x, y) => x.cart_id.localeCompare(y.cart_id)),
    );
    const providers = await first.sql<{ provider_id: string; count: number }>(
      'SELECT provider_id, count(*)::int AS count FROM "order".payment GROUP BY provider_id ORDER BY provider_id',
    );
    const paidBy = (provider: string) => placed.filter((checkout) => checkout.provider === provider).length;
    expect(providers).toEqual([
      { provider_id: 'cashier', count: paidBy('cashier') },
      { provider_id: 'manual', count: paidBy('manual') },
    ]);
    expect(paidBy('cashier')).toBeGreaterThanOrEqual(CHECKOUTS / 2 - 1);

    const orderIds = placed.map(({ order }) => order.id).sort();
    await eventually(async () => hooks.length >= CHECKOUTS, 20_000, 'every order.placed webhook');
    // This store's mails: the run's other suites share the NATS server, and their events (published
    // where no notification app ran) can reach these notification apps' durable consumers.
    const ours = () => sink.messages.filter((mail) => mail.to.every((to) => to.startsWith('replica-')));
    const mailsOf = (kind: RegExp) => ours().filter((mail) => kind.test(mail.subject));
    await eventually(
      async () =>
        mailsOf(GIFT_CARD_MAIL).length >= CHECKOUTS && mailsOf(CONFIRMATION_MAIL).length >= CHECKOUTS,
      20_000,
      'every gift card and confirmation mail',
    );
    await eventually(
      async () => {
        for (const schema of SCHEMAS) {
          const [{ unsent }] = await first.sql<{ unsent: number }>(
            `SELECT count(*)::int AS unsent FROM "${schema}".outbox WHERE sent_at IS NULL`,
          );
          if (unsent > 0) return false;
        }
        return true;
      },
      20_000,
      'every outbox empty',
    );
    // Anything sent twice would have arrived by now.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(hooks).toHaveLength(CHECKOUTS);
    expect(new Set(hooks.map((hook) => hook.id)).size).toBe(CHECKOUTS);
    expect(hooks.every((hook) => hook.event === 'order.placed')).toBe(true);
    expect(hooks.map((hook) => (hook.body.data as Json).order_id).sort()).toEqual(orderIds);
    const emails = placed.map(({ email }) => email).sort();
    for (const kind of [GIFT_CARD_MAIL, CONFIRMATION_MAIL]) {
      expect(
        mailsOf(kind)
          .flatMap((mail) => mail.to)
          .sort(),
      ).toEqual(emails);
    }
    // The cashier's orders are paid at once: one receipt each. No message went out twice.
    expect(mailsOf(RECEIPT_MAIL)).toHaveLength(
      placed.filter((checkout) => checkout.provider === 'cashier').length,
    );
    const sent = ours().map((mail) => `${mail.to.join(',')} ${mail.subject}`);
    expect(new Set(sent).size).toBe(sent.length);

    const [tote] = await first.sql<{ stocked_quantity: number; reserved_quantity: number }>(
      'SELECT stocked_quantity, reserved_quantity FROM catalog.inventory_level WHERE variant_id = $1',
      [DemoVariantIds.tote],
    );
    expect(tote).toEqual({ stocked_quantity: 100 - CHECKOUTS, reserved_quantity: 0 });
    const [{ open }] = await first.sql<{ open: number }>(
      "SELECT count(*)::int AS open FROM catalog.reservation WHERE status = 'reserved'",
    );
    expect(open).toBe(0);
  });
});
