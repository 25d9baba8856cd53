import { MigrationInterface, QueryRunner } from 'typeorm';

/** Presale units taken by an order (keyed by the order's cart id), given back once if it is canceled. */
export class PresaleReservations1767231600000 implements MigrationInterface {
  name = 'PresaleReservations1767231600000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE catalog.presale_reservation (
        reservation_key text PRIMARY KEY,
        variant_id text NOT NULL REFERENCES catalog.presale_offer (variant_id) ON DELETE CASCADE,
        quantity integer NOT NULL CHECK (quantity > 0),
        status text NOT NULL CHECK (status IN ('reserved', 'released')),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE catalog.presale_reservation');
  }
}
