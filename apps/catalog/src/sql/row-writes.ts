import { EntityManager } from 'typeorm';

/**
 * Sets the `columns` of the row `id` of `table` that `changes` gives (undefined ones stay as they are;
 * objects are written as JSON), and its `updated_at`.
 */
export async function updateGiven<T extends object>(
  manager: EntityManager,
  table: string,
  id: string,
  changes: T,
  columns: readonly (keyof T & string)[],
): Promise<void> {
  const given = columns.filter((column) => changes[column] !== undefined);
  const values = given.map((column) => {
    const value = changes[column] as unknown;
    return value !== null && typeof value === 'object' ? JSON.stringify(value) : value;
  });
  const sets = [...given.map((column, index) => `${column} = $${index + 2}`), 'updated_at = now()'];
  await manager.query(`UPDATE ${table} SET ${sets.join(', ')} WHERE id = $1`, [id, ...values]);
}

/** Makes the link table hold exactly `targets` (once each) for `owner`. */
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
      [owner, [...new Set(targets)]],
    );
  }
}
