import { MigrationInterface, QueryRunner } from 'typeorm';

/** A sold reservation can be put back on the shelf (an order canceled before its payment was taken). */
export class AllowRestockedReservations1767226600000 implements MigrationInterface {
  name = 'AllowRestockedReservations1767226600000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE catalog.reservation DROP CONSTRAINT reservation_status_check;
      ALTER TABLE catalog.reservation ADD CONSTRAINT reservation_status_check
        CHECK (status IN ('reserved', 'released', 'confirmed', 'restocked'));
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE catalog.reservation DROP CONSTRAINT reservation_status_check;
      ALTER TABLE catalog.reservation ADD CONSTRAINT reservation_status_check
        CHECK (status IN ('reserved', 'released', 'confirmed'));
    `);
  }
}
