import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the catalog import last loaded for each entry (section and key: a product's handle, a
 * region's name…): a digest of the entry, so that loading the same document again changes nothing.
 */
export class ImportEntries1767233000000 implements MigrationInterface {
  name = 'ImportEntries1767233000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE catalog.import_entry (
        section text NOT NULL,
        key text NOT NULL,
        digest text NOT NULL,
        loaded_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (section, key)
      );
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE catalog.import_entry');
  }
}
