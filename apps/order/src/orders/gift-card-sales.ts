/**
 * Whether an order sells gift cards (told in its `placed` and `paid` events, so that the cart app,
 * which issues them, looks only at those orders).
 */
export function sellsGiftCards(items: { is_giftcard?: unknown }[]): boolean {
  return items.some((item) => item.is_giftcard === true);
}

/** The same, as an SQL column of the order `alias`. */
export const sellsGiftCardsColumn = (alias: string) =>
  `${alias}.cart->'items' @> '[{"is_giftcard": true}]'::jsonb AS sells_gift_cards`;
