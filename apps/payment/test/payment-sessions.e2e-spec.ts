import { PaymentCommands, SessionInput } from '@app/contracts';
import { createTestEnvironment, TestEnvironment } from '../../../test/support/test-environment';

/**
 * The payment app alone, driven through its NATS commands on real Postgres: a manual session from
 * opening to refunds, with the events it announces. No other app is needed (the manual provider
 * never leaves the app).
 */
describe('payment app: a session from opening to refunds', () => {
  let env: TestEnvironment;
  let sequence = 0;

  beforeAll(async () => {
    env = await createTestEnvironment({ apps: ['payment'], freshDatabase: true });
  });
  afterAll(() => env.close());

  const input = (amount = 5000): SessionInput => {
    sequence += 1;
    return {
      session_id: `ps_test_${sequence}`,
      cart_id: `cart_test_${sequence}`,
      provider_id: 'manual',
      amount,
      currency_code: 'eur',
      context: { email: 'pay@example.com', goods: [] },
    };
  };
  const events = async (subject: string, sessionId: string) =>
    (
      await env.sql<{ n: string }>(
        `SELECT count(*) AS n FROM payment.outbox WHERE subject = $1 AND envelope->>'aggregate_id' = $2`,
        [`events.${subject}`, sessionId],
      )
    )[0].n;
  const attempt = async (sessionId: string) =>
    (
      await env.sql<{ status: string; amount_refunded: number }>(
        'SELECT status, amount_refunded FROM payment.attempt WHERE session_id = $1',
        [sessionId],
      )
    )[0];

  async function captured(amount = 5000): Promise<string> {
    const session = input(amount);
    await env.commands.request(PaymentCommands.initiateSession, session);
    await env.commands.request(PaymentCommands.authorizeSession, { session_id: session.session_id });
    await env.commands.request(PaymentCommands.captureSession, { session_id: session.session_id });
    return session.session_id;
  }

  it('opens once per amount, authorizes and captures once, each with one event', async () => {
    const session = input();
    const opened = await env.commands.request(PaymentCommands.initiateSession, session);
    expect(await env.commands.request(PaymentCommands.initiateSession, session)).toEqual(opened);
    const authorizations = await Promise.all(
      Array.from({ length: 5 }, () =>
        env.commands.request(PaymentCommands.authorizeSession, { session_id: session.session_id }),
      ),
    );
    expect(authorizations.every((reply) => reply.status === 'authorized')).toBe(true);
    await env.commands.request(PaymentCommands.captureSession, { session_id: session.session_id });
    await env.commands.request(PaymentCommands.captureSession, { session_id: session.session_id });
    expect(await attempt(session.session_id)).toMatchObject({ status: 'captured' });
    expect(await events('payment.session-authorized', session.session_id)).toBe('1');
    expect(await events('payment.captured', session.session_id)).toBe('1');
  });

  it('refunds once per refund id, never more than was captured, even when refunds race', async () => {
    const sessionId = await captured(5000);
    const refund = (refund_id: string, amount: number) =>
      env.commands.request(PaymentCommands.refundSession, { session_id: sessionId, refund_id, amount });
    await refund('ref_a', 1000);
    await refund('ref_a', 1000);
    expect(await attempt(sessionId)).toEqual({ status: 'captured', amount_refunded: 1000 });

    const racing = await Promise.allSettled([refund('ref_b', 3000), refund('ref_c', 3000)]);
    expect(racing.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    expect(racing.find((result) => result.status === 'rejected')).toMatchObject({
      reason: { type: 'invalid_data', message: 'Refund of 3000 exceeds the 1000 left to refund' },
    });
    await refund('ref_d', 1000);
    expect(await attempt(sessionId)).toEqual({ status: 'refunded', amount_refunded: 5000 });
    expect(await events('payment.refunded', sessionId)).toBe('3');
    await expect(refund('ref_e', 1)).rejects.toMatchObject({
      type: 'not_allowed',
      code: 'payment_not_captured',
    });
  });

  it('voids an authorized session it is told to cancel, once, with payment.canceled', async () => {
    const session = input();
    await env.commands.request(PaymentCommands.initiateSession, session);
    await env.commands.request(PaymentCommands.authorizeSession, { session_id: session.session_id });
    await env.commands.request(PaymentCommands.cancelSession, { session_id: session.session_id });
    await env.commands.request(PaymentCommands.cancelSession, { session_id: session.session_id });
    expect(await attempt(session.session_id)).toMatchObject({ status: 'voided' });
    expect(await events('payment.canceled', session.session_id)).toBe('1');
    await expect(
      env.commands.request(PaymentCommands.captureSession, { session_id: session.session_id }),
    ).rejects.toMatchObject({ type: 'not_allowed' });
  });
});
