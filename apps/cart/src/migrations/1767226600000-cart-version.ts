import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A version on every cart, raised by each change: a change prepared against one version (priced by
 * the catalog, its sessions opened at the payment app, outside any transaction) is written only if
 * the cart still has it, else prepared again.
 */
export class CartVersion1767226600000 implements MigrationInterface {
  name = 'CartVersion1767226600000';

  async up(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE cart.cart ADD COLUMN version integer NOT NULL DEFAULT 0');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE cart.cart DROP COLUMN version');
  }
}
