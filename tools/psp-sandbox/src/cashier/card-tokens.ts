import { randomInt } from 'node:crypto';
import { cardBrand, CardToken, CashierSession, maskedCardNumber, PayingCard } from './cashier-session';

/**
 * The cards the sandbox's cashier keeps for the shop's shoppers (seed 003's tokens), by
 * `shopper_reference`, in memory: kept when a shopper ticks "save" on a session that lets the
 * cashier keep it, offered on that shopper's later sessions, answered by the token query and
 * forgotten by the token delete.
 */
export class CardTokens {
  private readonly byShopper = new Map<string, CardToken[]>();

  /** The shopper's kept cards, for a session that names one. */
  offeredOn(session: CashierSession): CardToken[] {
    return session.card_on_file ? this.of(session.card_on_file.shopper_reference) : [];
  }

  of(shopper: string): CardToken[] {
    return this.byShopper.get(shopper) ?? [];
  }

  /** A card paid with and ticked to be kept becomes a token of the shopper (the same card, the same token). */
  keep(session: CashierSession, card: PayingCard): void {
    if (!card.save || !session.card_on_file?.store) return;
    const shopper = session.card_on_file.shopper_reference;
    const kept = this.of(shopper);
    if (kept.some((token) => token.card_number === card.card_number)) return;
    const [month = '', year = ''] = card.expiry.split('/').map((part) => part.trim());
    this.byShopper.set(shopper, [
      ...kept,
      {
        token: `TK${Date.now()}${randomInt(100000, 999999)}`,
        shopper_reference: shopper,
        card_number: card.card_number,
        expiry_month: month.padStart(2, '0'),
        expiry_year: year.length === 2 ? `20${year}` : year,
        created_time: new Date().toISOString(),
      },
    ]);
  }

  /** Forgets one of the shopper's tokens; false when the shopper has no such token. */
  remove(shopper: string, token: unknown): boolean {
    const kept = this.of(shopper);
    if (!kept.some((candidate) => candidate.token === token)) return false;
    this.byShopper.set(
      shopper,
      kept.filter((candidate) => candidate.token !== token),
    );
    return true;
  }
}

/** A kept card as the token query answers it: the card masked, never its number. */
export function tokenView(token: CardToken) {
  return {
    token: token.token,
    shopper_reference: token.shopper_reference,
    token_usage: 'CARD_ON_FILE',
    card: {
      card_brand: cardBrand(token.card_number),
      masked_card_number: maskedCardNumber(token.card_number),
      expiry_month: token.expiry_month,
      expiry_year: token.expiry_year,
    },
    created_time: token.created_time,
  };
}

/** The shop's `payment` block, when it names a shopper whose cards are on file. */
export function cardOnFile(payment: unknown): CashierSession['card_on_file'] {
  const block = (payment ?? {}) as Record<string, unknown>;
  if (block.token_usage !== 'CARD_ON_FILE' || typeof block.shopper_reference !== 'string') return null;
  if (!block.shopper_reference) return null;
  return { shopper_reference: block.shopper_reference, store: block.store_payment_method === true };
}
