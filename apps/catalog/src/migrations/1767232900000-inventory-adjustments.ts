import { MigrationInterface, QueryRunner } from 'typeorm';

/** The merchant's stock adjustments: each change of a variant's stock by a delta, with its reason. */
export class InventoryAdjustments1767232900000 implements MigrationInterface {
  name = 'InventoryAdjustments1767232900000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE catalog.inventory_adjustment (
        id text PRIMARY KEY,
        variant_id text NOT NULL REFERENCES catalog.product_variant (id) ON DELETE CASCADE,
        adjustment integer NOT NULL CHECK (adjustment <> 0),
        reason text NOT NULL,
        stocked_quantity integer NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX inventory_adjustment_variant ON catalog.inventory_adjustment (variant_id, created_at);
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE catalog.inventory_adjustment');
  }
}
