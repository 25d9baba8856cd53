import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The checkout becomes a persisted saga: every stage of `checkout.state.ts`, a lease (who drives
 * it, until when) so that concurrency is decided on this row and a sweep can take over a checkout
 * whose driver died, the cart as it was frozen and the payment it was authorized with, so that a
 * resumed checkout places exactly that order.
 */
export class CheckoutSaga1767226500000 implements MigrationInterface {
  name = 'CheckoutSaga1767226500000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE cart.checkout DROP CONSTRAINT checkout_stage_check;
      ALTER TABLE cart.checkout ADD CONSTRAINT checkout_stage_check CHECK (stage IN
        ('started', 'reserved', 'awaiting_payment', 'authorized', 'placed', 'completed', 'compensating', 'failed'));
      ALTER TABLE cart.checkout
        ADD COLUMN previous_stage text,
        ADD COLUMN lease_token uuid,
        ADD COLUMN lease_until timestamptz,
        ADD COLUMN snapshot jsonb,
        ADD COLUMN payment jsonb,
        ADD COLUMN attempts integer NOT NULL DEFAULT 0;
      CREATE INDEX checkout_lease_idx ON cart.checkout (lease_until)
        WHERE stage IN ('started', 'reserved', 'authorized', 'placed', 'compensating');
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP INDEX cart.checkout_lease_idx;
      ALTER TABLE cart.checkout DROP COLUMN previous_stage, DROP COLUMN lease_token, DROP COLUMN lease_until,
        DROP COLUMN snapshot, DROP COLUMN payment, DROP COLUMN attempts;
    `);
  }
}
