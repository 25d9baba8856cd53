import { CartCommands, DemoRegionIds, DemoShippingOptionIds, DemoVariantIds } from '@app/contracts';
import { TestEnvironment } from '../../../test/support/test-environment';

/**
 * A cart ready to complete with the manual provider, built through the cart app's commands: a tote
 * (`quantity`), email, a French address, standard shipping, payment sessions, manual selected.
 */
export async function readyCart(env: TestEnvironment, quantity = 1): Promise<string> {
  const { cart } = await env.commands.request(CartCommands.create, {
    region_id: DemoRegionIds.europe,
    items: [{ variant_id: DemoVariantIds.tote, quantity }],
  });
  const cart_id = cart.id as string;
  await env.commands.request(CartCommands.update, {
    cart_id,
    email: 'saga@example.com',
    shipping_address: { first_name: 'Ada', address_1: '1 Rue de la Paix', city: 'Paris', country_code: 'fr' },
  });
  await env.commands.request(CartCommands.addShippingMethod, {
    cart_id,
    option_id: DemoShippingOptionIds.europeStandard,
  });
  await env.commands.request(CartCommands.createPaymentSessions, { cart_id });
  await env.commands.request(CartCommands.selectPaymentSession, { cart_id, provider_id: 'manual' });
  return cart_id;
}

/** A checkout that ended well: one order, the stock sold once, nothing held, one authorization. */
export const COMPLETED_ONCE = { orders: 1, stage: 'completed', reserved: 0, sold: 1, authorized: 1 };
