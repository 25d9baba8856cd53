import { DemoRegionIds, DemoVariantIds as V, PaymentCommands } from '@app/contracts';
import request from 'supertest';
import { payHostedPage, Sandbox, TEST_CARDS } from '../support/psp-sandbox';
import { Json } from '../support/store-carts';
import { cartPayingWith, PaymentStack, paymentEvents, startPaymentStack } from '../support/payment-stack';
import { eventually, TestEnvironment } from '../support/test-environment';

const TOTE = [{ variant_id: V.tote, quantity: 1 }];

/** A cashier session paid on the hosted page (captured: the cashier takes the money at once). */
async function paidSession(stack: PaymentStack): Promise<Json> {
  const cart = await cartPayingWith(stack.gateway, 'cashier', DemoRegionIds.europe, TOTE);
  await payHostedPage(cart.payment_session.data.session_url, TEST_CARDS.success).expect(303);
  await eventually(
    async () =>
      (await request(stack.gateway).get(`/store/carts/${cart.id}`)).body.cart.payment_session.status ===
      'authorized',
    10_000,
    'paid',
  );
  return cart.payment_session;
}

const refundOf = (env: TestEnvironment, id: string) =>
  env.sql<{ status: string }>('SELECT status FROM payment.refund WHERE id = $1', [id]);
const refundedOf = async (env: TestEnvironment, attemptId: string) =>
  (
    await env.sql<{ amount_refunded: number }>('SELECT amount_refunded FROM payment.attempt WHERE id = $1', [
      attemptId,
    ])
  )[0].amount_refunded;

/** Asks for a refund the cashier takes but whose answer comes after the caller's budget (provider_timeout). */
async function refundLosingItsAnswer(
  env: TestEnvironment,
  sandbox: Sandbox,
  refund: { session_id: string; amount: number; refund_id: string },
): Promise<void> {
  sandbox.faults.answerDelayMs = 1_500;
  await expect(env.commands.request(PaymentCommands.refundSession, refund)).rejects.toMatchObject({
    code: 'provider_timeout',
  });
}

/**
 * Refunds at the hosted cashier (seed 003): a refund whose answer was lost is settled by the cashier's
 * refund query — by the sweep, or when the refund is asked again — and by its refund notification
 * (退款结果通知), once; a pending refund the cashier never received stays pending.
 */
describe('cashier refunds: queries and notifications', () => {
  describe('with the refund sweep running', () => {
    let stack: PaymentStack;
    let sandbox: Sandbox;
    let env: TestEnvironment;

    beforeAll(async () => {
      stack = await startPaymentStack({ PROVIDER_TIMEOUT_MS: '1000', PAYMENT_EXPIRY_SWEEP_MS: '200' });
      ({ sandbox, env } = stack);
    });
    afterAll(() => stack.close());
    afterEach(() => {
      sandbox.faults.answerDelayMs = 0;
      sandbox.faults.dropNotifications = false;
    });

    it('a partial refund is taken once, and its notification is accepted', async () => {
      const session = await paidSession(stack);
      const refund = { session_id: session.id, amount: 500, refund_id: `ref_partial_${session.id}` };
      await env.commands.request(PaymentCommands.refundSession, refund);
      await env.commands.request(PaymentCommands.refundSession, refund);
      expect(await refundOf(env, refund.refund_id)).toEqual([{ status: 'succeeded' }]);
      expect(await refundedOf(env, session.data.trans_id)).toBe(500);
      // Accepted: recorded (a refused notification leaves no row) — before, its partial amount was refused.
      await eventually(
        async () =>
          (
            await env.sql(
              "SELECT 1 FROM payment.notification WHERE attempt_id = $1 AND outcome = 'refunded'",
              [session.data.trans_id],
            )
          ).length === 1,
        10_000,
        'refund notification accepted',
      );
      expect(await paymentEvents(env, 'payment.refunded', session.id)).toHaveLength(1);
    });

    it('a refund whose answer was lost is completed by the sweep through the refund query', async () => {
      const session = await paidSession(stack);
      const refund = { session_id: session.id, amount: 2040, refund_id: `ref_lost_${session.id}` };
      sandbox.faults.dropNotifications = true;
      await refundLosingItsAnswer(env, sandbox, refund);
      expect(await refundOf(env, refund.refund_id)).toEqual([{ status: 'pending' }]);
      sandbox.faults.answerDelayMs = 0;
      await eventually(
        async () => (await refundOf(env, refund.refund_id))[0].status === 'succeeded',
        10_000,
        'refund settled by the query',
      );
      expect(await refundedOf(env, session.data.trans_id)).toBe(2040);
      expect(await paymentEvents(env, 'payment.refunded', session.id)).toHaveLength(1);
    });

    it('a pending refund the cashier never received stays pending, never marked done', async () => {
      const session = await paidSession(stack);
      await env.sql(
        `INSERT INTO payment.refund (id, attempt_id, amount, status, created_at)
         VALUES ($1, $2, 300, 'pending', now() - interval '1 minute')`,
        [`ref_never_${session.id}`, session.data.trans_id],
      );
      await new Promise((resolve) => setTimeout(resolve, 1_000)); // several sweeps
      expect(await refundOf(env, `ref_never_${session.id}`)).toEqual([{ status: 'pending' }]);
      expect(await refundedOf(env, session.data.trans_id)).toBe(0);
      expect(await paymentEvents(env, 'payment.refunded', session.id)).toHaveLength(0);
    });
  });

  describe('without the sweep', () => {
    let stack: PaymentStack;
    let sandbox: Sandbox;
    let env: TestEnvironment;

    beforeAll(async () => {
      stack = await startPaymentStack({ PROVIDER_TIMEOUT_MS: '1000', PAYMENT_EXPIRY_SWEEP_MS: '3600000' });
      ({ sandbox, env } = stack);
    });
    afterAll(() => stack.close());

    it('a refund whose answer was lost is completed by its notification, once', async () => {
      const session = await paidSession(stack);
      const refund = { session_id: session.id, amount: 1000, refund_id: `ref_notified_${session.id}` };
      await refundLosingItsAnswer(env, sandbox, refund);
      sandbox.faults.answerDelayMs = 0;
      await eventually(
        async () => (await refundOf(env, refund.refund_id))[0].status === 'succeeded',
        10_000,
        'refund settled by the notification',
      );
      expect(await refundedOf(env, session.data.trans_id)).toBe(1000);
      expect(await paymentEvents(env, 'payment.refunded', session.id)).toHaveLength(1);
    });

    it('a refund asked again after its answer was lost is settled by the refund query, not taken twice', async () => {
      const session = await paidSession(stack);
      const refund = { session_id: session.id, amount: 700, refund_id: `ref_retried_${session.id}` };
      sandbox.faults.dropNotifications = true;
      await refundLosingItsAnswer(env, sandbox, refund);
      await new Promise((resolve) => setTimeout(resolve, 500)); // the cashier took it meanwhile
      sandbox.faults.answerDelayMs = 0;
      await env.commands.request(PaymentCommands.refundSession, refund);
      expect(await refundOf(env, refund.refund_id)).toEqual([{ status: 'succeeded' }]);
      expect(await refundedOf(env, session.data.trans_id)).toBe(700);
      expect(await paymentEvents(env, 'payment.refunded', session.id)).toHaveLength(1);
      sandbox.faults.dropNotifications = false;
    });
  });
});
