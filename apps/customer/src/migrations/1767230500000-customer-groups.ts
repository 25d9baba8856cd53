import { MigrationInterface, QueryRunner } from 'typeorm';

/** Customer groups and their members: a group's price lists apply to its members' carts. */
export class CustomerGroups1767230500000 implements MigrationInterface {
  name = 'CustomerGroups1767230500000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE customer.customer_group (
        id text PRIMARY KEY,
        name text NOT NULL UNIQUE,
        metadata jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE TABLE customer.customer_group_customer (
        customer_group_id text NOT NULL REFERENCES customer.customer_group (id),
        customer_id text NOT NULL REFERENCES customer.customer (id),
        PRIMARY KEY (customer_group_id, customer_id)
      );
      CREATE INDEX customer_group_customer_idx ON customer.customer_group_customer (customer_id);
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE customer.customer_group_customer, customer.customer_group');
  }
}
