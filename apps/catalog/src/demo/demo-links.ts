import { DemoRegionIds } from '@app/contracts';
import { EntityManager } from 'typeorm';

export const REGION_ID = { europe: DemoRegionIds.europe, china: DemoRegionIds.china } as const;

/** Makes the link table hold exactly `targets` for `owner`. */
export async function replaceLinks(
  manager: EntityManager,
  table: string,
  ownerColumn: string,
  owner: string,
  targetColumn: string,
  targets: string[],
): Promise<void> {
  await manager.query(`DELETE FROM ${table} WHERE ${ownerColumn} = $1`, [owner]);
  if (targets.length) {
    await manager.query(
      `INSERT INTO ${table} (${ownerColumn}, ${targetColumn}) SELECT $1, unnest($2::text[])`,
      [owner, targets],
    );
  }
}
