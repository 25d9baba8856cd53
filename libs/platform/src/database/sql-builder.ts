/** A statement and its parameters. Fixed texts get a name: Postgres plans them once per connection. */
export interface SqlQuery {
  name?: string;
  text: string;
  values: unknown[];
}

/** Collects parameters while a statement is assembled: `sql.param(x)` returns `$n`. */
export class SqlBuilder {
  readonly values: unknown[] = [];

  param(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }

  query(text: string): SqlQuery {
    return { text, values: this.values };
  }
}

/** Timestamp columns are named `…_at` (`created_at`, `completed_at`, `payment_authorized_at`…). */
const isTimestamp = (column: string) => column.endsWith('_at');

/** A timestamp as JavaScript writes it (ISO 8601, UTC, milliseconds), or null. */
export function iso(column: string): string {
  return `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
}

/** `'col', alias.col, …` for json_build_object, with timestamps in ISO form. */
export function jsonFields(alias: string, columns: readonly string[]): string {
  return columns
    .map((column) => `'${column}', ${isTimestamp(column) ? iso(`${alias}.${column}`) : `${alias}.${column}`}`)
    .join(', ');
}

/** `json_build_object(…)` of a row's columns plus extra `'key', expression` pairs. */
export function jsonObject(alias: string, columns: readonly string[], extra: string[] = []): string {
  return `json_build_object(${[jsonFields(alias, columns), ...extra].join(', ')})`;
}

/** A JSON array built by a subquery, `[]` when it finds nothing. */
export function jsonArray(element: string, from: string, orderBy: string): string {
  return `COALESCE((SELECT json_agg(${element} ORDER BY ${orderBy}) FROM ${from}), '[]')`;
}

/** Conditions for a Medusa date range filter (`created_at[gt]=…`) on `column`. */
export function dateRange(
  sql: SqlBuilder,
  column: string,
  range: { lt?: Date; gt?: Date; lte?: Date; gte?: Date } | undefined,
): string[] {
  const operators = { lt: '<', gt: '>', lte: '<=', gte: '>=' } as const;
  return (Object.keys(operators) as (keyof typeof operators)[])
    .filter((key) => range?.[key] !== undefined)
    .map((key) => `${column} ${operators[key]} ${sql.param(range?.[key])}`);
}

/** An ILIKE pattern matching text that contains `text` literally (`%`, `_` and `\` escaped). */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}
