/**
 * Wraps an `UPDATE … RETURNING cart_id` of a cart's parts made outside `CartStore.change` (payment
 * events, checkout compensations) so that the same statement raises the carts' versions: a change
 * prepared against the cart before it is then prepared again.
 */
export function withCartVersion(update: string, returning = 'cart.cart.id'): string {
  return `WITH changed AS (${update})
    UPDATE cart.cart SET version = version + 1 WHERE id IN (SELECT cart_id FROM changed) RETURNING ${returning}`;
}
