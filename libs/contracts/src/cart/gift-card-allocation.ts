/** What one gift card pays of an order. */
export interface GiftCardShare {
  gift_card_id: string;
  amount: number;
}

/**
 * How a cart's `gift_card_total` is drawn from its gift cards: from each card in the cart's order,
 * as much as its balance allows, until the total is covered. The cart app redeems exactly these
 * amounts at checkout and the order shows them as its gift card transactions.
 */
export function giftCardShares(cards: { id: string; balance: number }[], total: number): GiftCardShare[] {
  const shares: GiftCardShare[] = [];
  let left = total;
  for (const card of cards) {
    const amount = Math.min(left, card.balance);
    if (amount <= 0) continue;
    shares.push({ gift_card_id: card.id, amount });
    left -= amount;
  }
  return shares;
}
