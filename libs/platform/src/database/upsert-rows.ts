import { EntityManager } from 'typeorm';

export interface UpsertOptions {
  /** The unique columns a row is matched on (default `id`). */
  conflict?: string[];
  /** Columns that keep their stored value when the row exists (still set on insert). */
  keep?: string[];
}

/**
 * Inserts rows, or updates them when they exist: `INSERT … ON CONFLICT (…) DO UPDATE`. Every row
 * must have the same columns; objects are written as JSON, arrays as Postgres arrays. Used by the
 * seeds, whose rows have fixed ids.
 */
export async function upsertRows(
  manager: EntityManager,
  table: string,
  rows: Record<string, unknown>[],
  options: UpsertOptions = {},
): Promise<void> {
  if (!rows.length) return;
  const columns = Object.keys(rows[0]);
  const conflict = options.conflict ?? ['id'];
  const updated = columns.filter((column) => !conflict.includes(column) && !options.keep?.includes(column));
  const values: unknown[] = [];
  const tuples = rows.map((row) => {
    const slots = columns.map((column) => {
      const value = row[column];
      values.push(
        value !== null && typeof value === 'object' && !(value instanceof Date) && !Array.isArray(value)
          ? JSON.stringify(value)
          : value,
      );
      return `$${values.length}`;
    });
    return `(${slots.join(', ')})`;
  });
  const onConflict = updated.length
    ? `DO UPDATE SET ${updated.map((column) => `${column} = EXCLUDED.${column}`).join(', ')}`
    : 'DO NOTHING';
  await manager.query(
    `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${tuples.join(', ')} ON CONFLICT (${conflict.join(', ')}) ${onConflict}`,
    values,
  );
}
