/**
 * An UPDATE of a cart's parts made outside `CartStore.change` (payment events, checkout steps and
 * compensations), preceded in the same statement by raising the cart's version — which locks the
 * cart row first, in the order every cart write locks (cart, then its parts), so two writers never
 * deadlock — and so a change prepared against the cart before is prepared again. `update` must end
 * with its WHERE clause; the cart is named by `cartId` (an SQL expression).
 */
export function withCartVersion(cartId: string, update: string, returning = ''): string {
  return `WITH cart_row AS (UPDATE cart.cart SET version = version + 1 WHERE id = (${cartId}) RETURNING id)
    ${update} AND EXISTS (SELECT 1 FROM cart_row)${returning ? ` RETURNING ${returning}` : ''}`;
}
