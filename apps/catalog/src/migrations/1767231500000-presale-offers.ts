import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Presale offers on variants (seed 004): a deposit now, the balance in a window that opens later,
 * a stock of presale units of their own (`sold` counts those taken), a buy limit per customer, the
 * expected arrival, and whether a deposit is given back when the balance is not paid.
 */
export class PresaleOffers1767231500000 implements MigrationInterface {
  name = 'PresaleOffers1767231500000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE catalog.presale_offer (
        variant_id text PRIMARY KEY REFERENCES catalog.product_variant (id) ON DELETE CASCADE,
        currency_code text NOT NULL REFERENCES catalog.currency (code),
        deposit_amount integer NOT NULL CHECK (deposit_amount >= 0),
        balance_opens_at timestamptz NOT NULL,
        balance_closes_at timestamptz NOT NULL CHECK (balance_closes_at > balance_opens_at),
        stock_limit integer NOT NULL CHECK (stock_limit >= 0),
        sold integer NOT NULL DEFAULT 0 CHECK (sold >= 0 AND sold <= stock_limit),
        buy_limit integer NOT NULL CHECK (buy_limit >= 1),
        expect_arrival_time timestamptz,
        deposit_refundable boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE catalog.presale_offer');
  }
}
