import { Injectable } from '@nestjs/common';
import { GiftCardRedemption, GiftCardShare } from '@app/contracts';
import { DomainError, newId } from '@app/platform';
import { DataSource } from 'typeorm';

/**
 * The gift cards' ledger (`cart.gift_card_transaction`): a checkout holds what its cart's cards pay,
 * one entry per card, and gives it back when the checkout fails, the order is canceled, or in
 * proportion as the order's money is refunded. Each write moves a card's balance in the statement
 * that writes its entry; the balance's `CHECK (balance >= 0)` is what refuses a card spent twice at
 * once, so a balance is never below zero under any concurrency.
 */
@Injectable()
export class GiftCardLedger {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Holds exactly `shares` for the cart (again, the same: a checkout started over holds its new
   * amounts, a card it no longer uses given back). Refused with `not_allowed` when a card's balance
   * no longer covers its share, nothing held.
   */
  async hold(cartId: string, shares: GiftCardShare[]): Promise<void> {
    try {
      await this.dataSource.query(
        `WITH wanted AS (
           SELECT w.id, w.gift_card_id, w.amount
           FROM jsonb_to_recordset($2::jsonb) AS w (id text, gift_card_id text, amount int)),
         held AS (
           SELECT t.gift_card_id, t.amount - t.restored AS amount FROM cart.gift_card_transaction t
           WHERE t.cart_id = $1 FOR UPDATE),
         changes AS (
           SELECT coalesce(w.gift_card_id, h.gift_card_id) AS gift_card_id,
             coalesce(w.amount, 0) - coalesce(h.amount, 0) AS delta, coalesce(w.amount, 0) AS amount, w.id
           FROM wanted w FULL JOIN held h ON h.gift_card_id = w.gift_card_id),
         entries AS (
           INSERT INTO cart.gift_card_transaction (id, gift_card_id, cart_id, amount)
           SELECT c.id, c.gift_card_id, $1, c.amount FROM changes c WHERE c.id IS NOT NULL
           ON CONFLICT (cart_id, gift_card_id) DO UPDATE SET amount = excluded.amount, restored = 0, updated_at = now()
           WHERE cart.gift_card_transaction.amount - cart.gift_card_transaction.restored <> excluded.amount),
         released AS (
           UPDATE cart.gift_card_transaction t SET restored = t.amount, updated_at = now()
           FROM changes c WHERE c.id IS NULL AND t.cart_id = $1 AND t.gift_card_id = c.gift_card_id)
         UPDATE cart.gift_card g SET balance = g.balance - c.delta, updated_at = now()
         FROM changes c WHERE g.id = c.gift_card_id AND c.delta <> 0`,
        [cartId, JSON.stringify(shares.map((share) => ({ id: newId('gct'), ...share })))],
      );
    } catch (error) {
      if ((error as { code?: string }).code === '23514') {
        throw DomainError.notAllowed('The gift card balance no longer covers what the cart uses');
      }
      throw error;
    }
  }

  /** What the cart's entries hold now, card by card (the order shows them as its gift card transactions). */
  async held(cartId: string): Promise<GiftCardRedemption[]> {
    return this.dataSource.query(
      `SELECT id, gift_card_id, amount - restored AS amount FROM cart.gift_card_transaction
       WHERE cart_id = $1 AND amount > restored ORDER BY created_at, id`,
      [cartId],
    );
  }

  /** Gives back everything the cart's entries still hold (a failed checkout, a canceled order). */
  async release(cartId: string): Promise<void> {
    await this.dataSource.query(asQuery(releaseAll('$1')), [cartId]);
  }
}

/** Ledger writes as CTEs and a last statement, to run alone or inside an event's statement. */
export interface LedgerWrite {
  ctes: string[];
  sql: string;
}

/**
 * Every entry of cart `cart` fully given back, each card's balance raised by what its entry still
 * held; only if `guard` (an SQL condition) holds.
 */
export function releaseAll(cart: string, guard = 'true'): LedgerWrite {
  return giveBack(cart, 'amount', guard);
}

/**
 * Each entry of cart `cart` restored up to its share `round(amount × refunded / paid)` (all of it
 * once everything paid is refunded), less what went back before: a repeat changes nothing.
 */
export function restoreShare(cart: string, refunded: string, paid: string, guard = 'true'): LedgerWrite {
  const share = `LEAST(amount, round(amount::numeric * LEAST(${refunded}, ${paid}) / NULLIF(${paid}, 0))::int)`;
  return giveBack(cart, share, guard);
}

/** Restores each entry of `cart` up to `upTo` (an expression of the entry), raising the cards' balances. */
function giveBack(cart: string, upTo: string, guard: string): LedgerWrite {
  return {
    ctes: [
      `entries AS (
         SELECT id, ${upTo} - restored AS back FROM cart.gift_card_transaction
         WHERE cart_id = ${cart} AND ${guard} FOR UPDATE)`,
      `restored AS (
         UPDATE cart.gift_card_transaction t SET restored = t.restored + e.back, updated_at = now()
         FROM entries e WHERE t.id = e.id AND e.back > 0 RETURNING t.gift_card_id, e.back)`,
    ],
    sql: `UPDATE cart.gift_card g SET balance = g.balance + r.back, updated_at = now()
          FROM restored r WHERE g.id = r.gift_card_id`,
  };
}

function asQuery(write: LedgerWrite): string {
  return `WITH ${write.ctes.join(', ')} ${write.sql}`;
}
