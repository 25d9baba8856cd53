import { DemoRegionIds, DemoVariantIds as V } from '@app/contracts';
import Medusa from '@medusajs/medusa-js';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { adminHeaders, ALL_APPS } from '../support/admin';
import { complete, readyForCheckout } from '../support/checkout';
import { medusaSchemaErrors } from '../support/medusa-spec';
import { Json } from '../support/store-carts';
import { createTestEnvironment, eventually, TestEnvironment } from '../support/test-environment';

/**
 * Gift cards as a shop sells and takes them: bought as a product (issued once paid, its code mailed
 * to the recipient), redeemed at checkout through a ledger (the balance never below zero, whatever
 * runs at once), given back when the checkout fails or the order is canceled, and in proportion as
 * the order's money is refunded.
 */
describe('gift cards: bought, mailed, redeemed, given back', () => {
  let env: TestEnvironment;
  let gateway: string;
  let medusa: Medusa;
  let admin: Record<string, string>;
  const mailDir = mkdtempSync(join(tmpdir(), 'gift-card-mail-'));
  const mails = () => readdirSync(mailDir).map((name) => readFileSync(join(mailDir, name), 'utf8'));

  /** A card the merchant issues in Europe. */
  const issued = async (value: number): Promise<Json> =>
    (
      await request(gateway)
        .post('/admin/gift-cards')
        .set(admin)
        .send({ region_id: DemoRegionIds.europe, value })
        .expect(200)
    ).body.gift_card;

  const balanceOf = async (code: string): Promise<number> =>
    (await medusa.giftCards.retrieve(code)).gift_card.balance as number;

  /** A cart of `items` paying with the card `code` (then the manual provider for any rest), ready to complete. */
  const payingWith = async (
    code: string,
    items: { variant_id: string; quantity: number }[],
  ): Promise<Json> => {
    const cart = await readyForCheckout(gateway, { items, payment: false });
    await medusa.carts.update(cart.id, { gift_cards: [{ code }] });
    const sessions = await request(gateway).post(`/store/carts/${cart.id}/payment-sessions`).expect(200);
    // Paid in full by the card: nothing left for a provider.
    if (sessions.body.cart.total <= 0) return sessions.body.cart;
    const selected = await request(gateway)
      .post(`/store/carts/${cart.id}/payment-session`)
      .send({ provider_id: 'manual' })
      .expect(200);
    return selected.body.cart;
  };

  beforeAll(async () => {
    env = await createTestEnvironment({
      apps: ALL_APPS,
      freshDatabase: true,
      env: { MAIL_TRANSPORT: 'file', MAIL_DIR: mailDir },
    });
    gateway = env.url('gateway');
    medusa = new Medusa({ baseUrl: gateway, maxRetries: 0 });
    admin = await adminHeaders(gateway);
  });
  afterAll(() => env.close());

  it('issues a bought gift card once, worth its price, and mails its code to the recipient', async () => {
    const cart = await readyForCheckout(gateway, {
      items: [{ variant_id: V.giftCardMedium, quantity: 2 }],
      payment: false,
    });
    const [line] = cart.items as Json[];
    await medusa.carts.lineItems.update(cart.id, line.id, {
      quantity: 2,
      metadata: { recipient_email: 'friend@example.com' },
    } as never);
    // A line's change drops the cart's shipping methods (Medusa's rule): digital delivery again.
    const { shipping_options } = await medusa.shippingOptions.listCartOptions(cart.id);
    await medusa.carts.addShippingMethod(cart.id, { option_id: shipping_options[0].id as string });
    await request(gateway).post(`/store/carts/${cart.id}/payment-sessions`).expect(200);
    await request(gateway).post(`/store/carts/${cart.id}/payment-session`).send({ provider_id: 'manual' });
    const { data: order } = (await complete(gateway, cart.id).expect(200)).body;

    const cardsOf = () =>
      env.sql<{ code: string; value: number; balance: number; region_id: string }>(
        'SELECT code, value, balance, region_id FROM cart.gift_card WHERE order_id = $1 ORDER BY unit',
        [order.id],
      );
    await eventually(async () => (await cardsOf()).length === 2, 10_000, 'two cards issued');
    const cards = await cardsOf();
    for (const card of cards)
      expect(card).toMatchObject({ value: 5000, balance: 5000, region_id: DemoRegionIds.europe });
    expect(new Set(cards.map((card) => card.code)).size).toBe(2);

    await eventually(
      async () => cards.every((card) => mails().some((mail) => mail.includes(card.code))),
      10_000,
      'gift card mail',
    );
    const mail = mails().find((text) => text.includes(cards[0].code)) as string;
    expect(mail).toContain('friend@example.com');
    expect(mail).toContain('EUR 50.00');

    // Redelivered events issue nothing new.
    await request(gateway).post(`/admin/orders/${order.id}/capture`).set(admin).expect(200);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await cardsOf()).toHaveLength(2);
    expect(mails().filter((text) => cards.some((card) => text.includes(card.code)))).toHaveLength(2);
    expect(await balanceOf(cards[0].code)).toBe(5000);

    // The recipient spends the bought card on a cart of the same region.
    const spending = await payingWith(cards[0].code, [{ variant_id: V.mugWhite, quantity: 1 }]);
    // Europe's gift cards are taxed: the card covers the net amount, its tax the rest (Medusa's totals).
    expect((spending.gift_card_total as number) + (spending.gift_card_tax_total as number)).toBe(
      (spending.subtotal as number) + (spending.shipping_total as number) + (spending.tax_total as number),
    );
    expect(spending.total).toBe(0);
    const { data: spent } = (await complete(gateway, spending.id as string).expect(200)).body;
    expect(spent.gift_card_total).toBe(spending.gift_card_total);
    expect(await balanceOf(cards[0].code)).toBe(5000 - (spending.gift_card_total as number));
  });

  it('redeems a card at checkout, then gives back the refunded share of it, all of it at a full refund', async () => {
    const card = await issued(2000);
    const cart = await payingWith(card.code, [{ variant_id: V.mugWhite, quantity: 3 }]);
    expect(cart.gift_card_total).toBe(2000);
    const { data: order } = (await complete(gateway, cart.id).expect(200)).body;
    expect(await balanceOf(card.code)).toBe(0);
    expect(order.gift_card_transactions).toEqual([
      expect.objectContaining({ gift_card_id: card.id, amount: 2000, order_id: order.id, is_taxable: true }),
    ]);
    expect(medusaSchemaErrors('GiftCardTransaction', order.gift_card_transactions[0])).toBeNull();

    // A spent card cannot pay another cart.
    const again = await request(gateway)
      .post(
        `/store/carts/${(await readyForCheckout(gateway, { items: [{ variant_id: V.mugWhite, quantity: 1 }], payment: false })).id}`,
      )
      .send({ gift_cards: [{ code: card.code }] })
      .expect(200);
    expect(again.body.cart.gift_card_total).toBe(0);

    await request(gateway).post(`/admin/orders/${order.id}/capture`).set(admin).expect(200);
    const paid = order.total as number;
    const half = Math.floor(paid / 2);
    await request(gateway)
      .post(`/admin/orders/${order.id}/refund`)
      .set(admin)
      .send({ amount: half, reason: 'other' })
      .expect(200);
    const share = Math.round((2000 * half) / paid);
    await eventually(async () => (await balanceOf(card.code)) === share, 10_000, 'the refunded share back');
    await request(gateway)
      .post(`/admin/orders/${order.id}/refund`)
      .set(admin)
      .send({ amount: paid - half, reason: 'other' })
      .expect(200);
    await eventually(async () => (await balanceOf(card.code)) === 2000, 10_000, 'the whole card back');
    const [entry] = await env.sql<{ amount: number; restored: number }>(
      `SELECT t.amount, t.restored FROM cart.gift_card_transaction t JOIN cart.gift_card g ON g.id = t.gift_card_id
       WHERE g.code = $1`,
      [card.code],
    );
    expect(entry).toEqual({ amount: 2000, restored: 2000 });
  });

  it('gives a canceled order’s card back', async () => {
    const card = await issued(1500);
    const cart = await payingWith(card.code, [{ variant_id: V.mugWhite, quantity: 2 }]);
    const { data: order } = (await complete(gateway, cart.id).expect(200)).body;
    expect(await balanceOf(card.code)).toBe(0);
    await request(gateway).post(`/admin/orders/${order.id}/cancel`).set(admin).expect(200);
    await eventually(async () => (await balanceOf(card.code)) === 1500, 10_000, 'card back after cancel');
  });

  it('lets only one of 8 carts racing for one card’s whole balance spend it; the rest are refused', async () => {
    const card = await issued(1000);
    const carts = [];
    for (let index = 0; index < 8; index += 1)
      carts.push(await payingWith(card.code, [{ variant_id: V.mugWhite, quantity: 1 }]));
    const answers = await Promise.all(carts.map((cart) => complete(gateway, cart.id as string)));
    const orders = answers.filter((answer) => answer.status === 200 && answer.body.type === 'order');
    expect(orders).toHaveLength(1);
    for (const answer of answers.filter((candidate) => !orders.includes(candidate))) {
      expect(answer.status).toBeLessThan(500);
      expect(answer.body.type ?? answer.body.data?.type).not.toBe('order');
    }
    expect(await balanceOf(card.code)).toBe(0);
    const entries = await env.sql<{ held: number }>(
      `SELECT sum(t.amount - t.restored)::int AS held FROM cart.gift_card_transaction t
       JOIN cart.gift_card g ON g.id = t.gift_card_id WHERE g.code = $1`,
      [card.code],
    );
    expect(entries[0].held).toBe(1000);
  });
});
