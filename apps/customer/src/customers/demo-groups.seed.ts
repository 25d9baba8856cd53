import { DEMO_VIP_CUSTOMER_GROUP_ID } from '@app/contracts';
import { DataSource } from 'typeorm';

/** The demo store's customer group, whose price list the catalog's demo data holds: when there is none. */
export async function seedDemoGroups(dataSource: DataSource): Promise<void> {
  await dataSource.query(
    `INSERT INTO customer.customer_group (id, name)
     SELECT $1, 'VIP Members' WHERE NOT EXISTS (SELECT 1 FROM customer.customer_group)`,
    [DEMO_VIP_CUSTOMER_GROUP_ID],
  );
}
