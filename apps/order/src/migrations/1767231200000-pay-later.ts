import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Orders paid after they are placed (seed 002): a submitted order's pay deadline and whether its
 * shipping is paid on delivery (到付); payments in points (and their worth in minor units) beside
 * money, and a payment superseded by
 * a later one (it shows `pending` until its own window passes, no longer `is_available`).
 */
export class PayLater1767231200000 implements MigrationInterface {
  name = 'PayLater1767231200000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE "order"."order" ADD COLUMN pay_expire timestamptz,
        ADD COLUMN shipping_on_delivery boolean NOT NULL DEFAULT false;
      CREATE INDEX order_pay_expire_idx ON "order"."order" (pay_expire) WHERE payment_status = 'not_paid';
      ALTER TABLE "order".payment ADD COLUMN points integer NOT NULL DEFAULT 0 CHECK (points >= 0),
        ADD COLUMN points_value integer NOT NULL DEFAULT 0 CHECK (points_value >= 0),
        ADD COLUMN superseded_at timestamptz;
      CREATE UNIQUE INDEX payment_session_idx ON "order".payment (session_id);
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP INDEX "order".payment_session_idx;
      ALTER TABLE "order".payment DROP COLUMN points, DROP COLUMN points_value, DROP COLUMN superseded_at;
      ALTER TABLE "order"."order" DROP COLUMN pay_expire, DROP COLUMN shipping_on_delivery;
    `);
  }
}
