/**
 * The CTE `cart_row` that raises a cart's version — which locks the cart row first, in the order
 * every cart write locks (cart, then its parts), so two writers never deadlock — and so a change
 * prepared against the cart before is prepared again. The cart is named by `cartId` (an SQL
 * expression); `guard` is more of the WHERE clause (`AND …`). The parts' writes that follow must
 * refer to `cart_row`, so that it runs (and locks) before them.
 */
export function cartVersionCte(cartId: string, guard = ''): string {
  return `cart_row AS (UPDATE cart.cart SET version = version + 1 WHERE id = (${cartId}) ${guard} RETURNING id)`;
}

/**
 * An UPDATE of a cart's parts made outside `CartStore.change` (payment events, checkout steps and
 * compensations), preceded in the same statement by raising the cart's version (`cartVersionCte`).
 * `update` must end with its WHERE clause.
 */
export function withCartVersion(cartId: string, update: string, returning = ''): string {
  return `WITH ${cartVersionCte(cartId)}
    ${update} AND EXISTS (SELECT 1 FROM cart_row)${returning ? ` RETURNING ${returning}` : ''}`;
}
