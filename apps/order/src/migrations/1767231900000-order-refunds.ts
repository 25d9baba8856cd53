import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Refunds the merchant gives (Medusa's `refund`: amount, reason, note), with how each was spread over
 * the order's payments; pending while the providers are asked, succeeded once all of them gave it back.
 * A refund asked under an Idempotency-Key keeps it: a retry finishes that refund, never a second one.
 */
export class OrderRefunds1767231900000 implements MigrationInterface {
  name = 'OrderRefunds1767231900000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE "order".refund (
        id text PRIMARY KEY,
        order_id text NOT NULL REFERENCES "order"."order" (id),
        amount integer NOT NULL CHECK (amount > 0),
        reason text NOT NULL CHECK (reason IN ('discount', 'return', 'swap', 'claim', 'other')),
        note text,
        parts jsonb NOT NULL,
        status text NOT NULL CHECK (status IN ('pending', 'succeeded')),
        request_key text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX refund_order_idx ON "order".refund (order_id);
      CREATE UNIQUE INDEX refund_request_key_idx ON "order".refund (order_id, request_key);
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE "order".refund');
  }
}
