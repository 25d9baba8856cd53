import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The gift cards' ledger: what each checkout redeemed from each card (`amount`) and how much of it
 * went back (`restored`: a failed checkout, a canceled order, a refund's share), so a card's balance
 * is its value less what its entries hold. Cards bought as products name the order line and unit
 * that issued them, once.
 */
export class GiftCardLedger1767232500000 implements MigrationInterface {
  name = 'GiftCardLedger1767232500000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE cart.gift_card_transaction (
        id text PRIMARY KEY,
        gift_card_id text NOT NULL REFERENCES cart.gift_card (id),
        cart_id text NOT NULL,
        amount integer NOT NULL CHECK (amount >= 0),
        restored integer NOT NULL DEFAULT 0 CHECK (restored BETWEEN 0 AND amount),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (cart_id, gift_card_id)
      );
      CREATE INDEX gift_card_transaction_card_idx ON cart.gift_card_transaction (gift_card_id);
      ALTER TABLE cart.gift_card ADD COLUMN line_item_id text, ADD COLUMN unit integer;
      CREATE UNIQUE INDEX gift_card_issued_idx ON cart.gift_card (line_item_id, unit) WHERE line_item_id IS NOT NULL;
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP INDEX cart.gift_card_issued_idx;
      ALTER TABLE cart.gift_card DROP COLUMN line_item_id, DROP COLUMN unit;
      DROP TABLE cart.gift_card_transaction;
    `);
  }
}
