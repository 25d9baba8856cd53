import { DEMO_VIP_CUSTOMER_GROUP_ID, DemoCustomerLevels } from '@app/contracts';
import { DataSource } from 'typeorm';

/**
 * The demo store's customer groups, whose price lists the catalog's demo data holds — VIP Members
 * and the customer levels vip1–vip3 of seed 004 — when there are none.
 */
export async function seedDemoGroups(dataSource: DataSource): Promise<void> {
  const groups = [
    { id: DEMO_VIP_CUSTOMER_GROUP_ID, name: 'VIP Members' },
    ...DemoCustomerLevels.map((level) => ({ id: level.group_id, name: level.name })),
  ];
  await dataSource.query(
    `INSERT INTO customer.customer_group (id, name)
     SELECT id, name FROM unnest($1::text[], $2::text[]) AS g (id, name)
     WHERE NOT EXISTS (SELECT 1 FROM customer.customer_group)`,
    [groups.map((group) => group.id), groups.map((group) => group.name)],
  );
}
