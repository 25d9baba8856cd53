import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * At most one selected payment session per cart, checked at the end of each statement rather than
 * row by row: a change that deselects one session and selects another is one statement whose rows
 * are written in no set order.
 */
export class OneSelectedSession1767230200000 implements MigrationInterface {
  name = 'OneSelectedSession1767230200000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP INDEX cart.payment_session_selected_idx;
      ALTER TABLE cart.payment_session ADD CONSTRAINT payment_session_one_selected
        EXCLUDE USING btree (cart_id WITH =) WHERE (is_selected) DEFERRABLE INITIALLY IMMEDIATE;
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE cart.payment_session DROP CONSTRAINT payment_session_one_selected;
      CREATE UNIQUE INDEX payment_session_selected_idx ON cart.payment_session (cart_id) WHERE is_selected;
    `);
  }
}
