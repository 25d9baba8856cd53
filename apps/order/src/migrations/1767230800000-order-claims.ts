import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Guest orders can be claimed by a customer: an order records whether it was placed as a guest, and
 * a claim is a random token (kept as its SHA-256) mailed to the orders' email, good once, for a while.
 */
export class OrderClaims1767230800000 implements MigrationInterface {
  name = 'OrderClaims1767230800000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE "order"."order" ADD COLUMN guest boolean NOT NULL DEFAULT true;
      ALTER TABLE "order"."order" ALTER COLUMN guest SET DEFAULT false;
      CREATE TABLE "order".claim_token (
        token_hash text PRIMARY KEY,
        customer_id text NOT NULL,
        order_ids text[] NOT NULL,
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      );
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE "order".claim_token; ALTER TABLE "order"."order" DROP COLUMN guest`);
  }
}
