import { DemoRegionIds, DemoVariantIds as V } from '@app/contracts';
import request from 'supertest';
import { complete, readyForCheckout } from '../support/checkout';
import { answerChallenge, CHALLENGE_CODE, payHostedPage, Sandbox, TEST_CARDS } from '../support/psp-sandbox';
import { Json, storeCarts } from '../support/store-carts';
import { PaymentStack, startPaymentStack } from '../support/payment-stack';
import { eventually, TestEnvironment } from '../support/test-environment';

/**
 * 3-D Secure at the hosted cashier (seed 003's `authentication`): the challenge indicator and
 * exemption come from configuration per region; a session that needs a challenge goes through the
 * hosted page's challenge; a failed challenge is a declined payment, never an order.
 */
describe('hosted cashier: 3-D Secure', () => {
  let stack: PaymentStack;
  let sandbox: Sandbox;
  let env: TestEnvironment;
  let gateway: string;
  let carts: ReturnType<typeof storeCarts>;

  const sentAuthentication = async (sessionUrl: string): Promise<Json> => {
    const id = new URL(sessionUrl).pathname.split('/').pop();
    return (await request(sandbox.url).get(`/sandbox/cashier/sessions/${id}`).expect(200)).body.request
      .authentication;
  };
  const sessionOf = async (cartId: string): Promise<Json> => (await carts.get(cartId)).payment_session;

  beforeAll(async () => {
    stack = await startPaymentStack(
      {
        CASHIER_AUTHENTICATION: `*=AUTO/LOW_VALUE,${DemoRegionIds.europe}=CHALLENGE_MANDATED/NONE`,
      },
      { apps: ['catalog', 'cart', 'payment', 'order', 'customer', 'gateway'] },
    );
    ({ sandbox, env, gateway, carts } = stack);
  });
  afterAll(() => stack.close());

  /** A cart of `region` with one `variant`, ready to complete, paying with the cashier. */
  const cashierCheckout = async (region: string, variant: string): Promise<Json> => {
    return readyForCheckout(gateway, {
      region_id: region,
      items: [{ variant_id: variant, quantity: 1 }],
      provider: 'cashier',
    });
  };

  it('asks each region for its own challenge and exemption', async () => {
    const europe = await cashierCheckout(DemoRegionIds.europe, V.tote);
    expect(await sentAuthentication(europe.payment_session.data.session_url)).toEqual({
      challenge_indicator: 'CHALLENGE_MANDATED',
      exemption: 'NONE',
      authentication_only: false,
    });
    const china = await cashierCheckout(DemoRegionIds.china, V.tote);
    expect(await sentAuthentication(china.payment_session.data.session_url)).toEqual({
      challenge_indicator: 'AUTO',
      exemption: 'LOW_VALUE',
      authentication_only: false,
    });
  });

  it('a failed challenge is a declined payment and never an order; the right code then pays', async () => {
    const cart = await cashierCheckout(DemoRegionIds.europe, V.tote);
    const url = cart.payment_session.data.session_url;
    // The region mandates a challenge: even the plain success card is challenged.
    const challenged = await payHostedPage(url, TEST_CARDS.success).expect(200);
    expect(challenged.text).toContain('Verify it is you');
    const failed = await answerChallenge(url, '999999').expect(402);
    expect(failed.text).toContain('3-D Secure');
    await eventually(async () => (await sessionOf(cart.id)).status === 'error', 10_000, 'declined');

    const refused = await complete(gateway, cart.id);
    expect({ status: refused.status, type: refused.body.type }).toEqual({ status: 200, type: 'cart' });
    const orders = await env.sql('SELECT id FROM "order"."order" WHERE cart_id = $1', [cart.id]);
    expect(orders).toEqual([]);

    await payHostedPage(url, TEST_CARDS.success).expect(200);
    await answerChallenge(url, CHALLENGE_CODE).expect(303);
    await eventually(async () => (await sessionOf(cart.id)).status === 'authorized', 10_000, 'paid');
    const placed = await complete(gateway, cart.id).expect(200);
    expect(placed.body.type).toBe('order');
  });

  it('a card that demands a challenge is challenged where the region asks for none', async () => {
    const cart = await cashierCheckout(DemoRegionIds.china, V.tote);
    const url = cart.payment_session.data.session_url;
    await payHostedPage(url, TEST_CARDS.success).expect(303); // no challenge asked, none needed
    const other = await cashierCheckout(DemoRegionIds.china, V.mugWhite);
    const challenged = await payHostedPage(
      other.payment_session.data.session_url,
      TEST_CARDS.challenge,
    ).expect(200);
    expect(challenged.text).toContain('Verify it is you');
    await answerChallenge(other.payment_session.data.session_url, CHALLENGE_CODE).expect(303);
    await eventually(async () => (await sessionOf(other.id)).status === 'authorized', 10_000, 'paid');
  });
});
