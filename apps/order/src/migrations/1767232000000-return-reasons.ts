import { MigrationInterface, QueryRunner } from 'typeorm';

/** Medusa's return reasons: a unique value, a label, optionally a parent (one level of children). */
export class ReturnReasons1767232000000 implements MigrationInterface {
  name = 'ReturnReasons1767232000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE "order".return_reason (
        id text PRIMARY KEY,
        value text NOT NULL,
        label text NOT NULL,
        description text,
        parent_return_reason_id text REFERENCES "order".return_reason (id),
        metadata jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        deleted_at timestamptz
      );
      CREATE UNIQUE INDEX return_reason_value_idx ON "order".return_reason (value) WHERE deleted_at IS NULL;
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE "order".return_reason');
  }
}
