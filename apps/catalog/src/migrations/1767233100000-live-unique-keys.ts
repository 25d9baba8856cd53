import { MigrationInterface, QueryRunner } from 'typeorm';

const KEYS = [
  ['product', 'handle'],
  ['product_variant', 'sku'],
  ['product_variant', 'barcode'],
  ['product_variant', 'ean'],
  ['product_variant', 'upc'],
] as const;

/**
 * A product's handle and a variant's SKU, barcode, EAN and UPC are unique among live records only,
 * as in Medusa: a deleted product's handle or SKU can be used again (by the admin routes or an
 * import), while two live ones still cannot share it.
 */
export class LiveUniqueKeys1767233100000 implements MigrationInterface {
  name = 'LiveUniqueKeys1767233100000';

  async up(db: QueryRunner): Promise<void> {
    for (const [table, column] of KEYS) {
      await db.query(`ALTER TABLE catalog.${table} DROP CONSTRAINT ${table}_${column}_key`);
      await db.query(
        `CREATE UNIQUE INDEX ${table}_${column}_live ON catalog.${table} (${column}) WHERE deleted_at IS NULL`,
      );
    }
  }

  async down(db: QueryRunner): Promise<void> {
    for (const [table, column] of KEYS) {
      await db.query(`DROP INDEX catalog.${table}_${column}_live`);
      await db.query(`ALTER TABLE catalog.${table} ADD CONSTRAINT ${table}_${column}_key UNIQUE (${column})`);
    }
  }
}
