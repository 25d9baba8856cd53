import { currentRequestContext, DomainError } from '@app/platform';

/**
 * The signed-in customer the store request acts for (the gateway resolved them), or null for a
 * guest. A `customer_id` given in a body is accepted only as that customer's own.
 */
export function actingCustomer(given?: string): string | null {
  const customerId = currentRequestContext()?.customerId ?? null;
  if (given !== undefined && given !== customerId) {
    throw DomainError.notAllowed("customer_id must be the signed-in customer's");
  }
  return customerId;
}

/**
 * A customer's cart is theirs: a store request from anyone else (a guest, another customer) finds
 * no such cart — the same 404 as an unknown id. Guest carts stay reachable by id; work that is not a
 * store request (sweeps, events) sees every cart.
 */
export function assertVisible(cart: { id: string; customer_id: string | null }): void {
  const context = currentRequestContext();
  if (context && cart.customer_id && cart.customer_id !== context.customerId) {
    throw DomainError.notFound(`Cart with ${cart.id} was not found`);
  }
}

/**
 * Who may see carts in the work at hand, as SQL parameters for `($everyone OR customer_id IS NULL OR
 * customer_id = $customer)`: a store request sees guest carts and its customer's; other work all.
 */
export function cartViewer(): [everyone: boolean, customerId: string | null] {
  const context = currentRequestContext();
  return [!context, context?.customerId ?? null];
}
