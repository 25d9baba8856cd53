import { SqlBuilder, SqlQuery } from '@app/platform';
import { EntityManager } from 'typeorm';

/**
 * A cart change's writes, added to one statement: the cart row's own columns are set as its version
 * is raised — which locks the row first, and only if it still has the version the change was
 * prepared against, is not completed and has no checkout under way — and the writes of its parts
 * (lines, addresses, shipping methods, payment sessions) follow as CTEs that refer to `cart_row`,
 * so that none runs when the cart moved on. One statement commits by itself: no transaction.
 */
export class CartStatement {
  private readonly sql = new SqlBuilder();
  /** Column → expression; a later set of a column wins, as if the sets ran one after the other. */
  private readonly sets = new Map<string, string>();
  private readonly parts: string[] = [];
  /** `$n` of the cart's id. */
  readonly cartId: string;

  constructor(cartId: string) {
    this.cartId = this.sql.param(cartId);
  }

  /** `$n` for a value. */
  param(value: unknown): string {
    return this.sql.param(value);
  }

  /** Sets a column of the cart row to a value. */
  set(column: string, value: unknown): void {
    this.setTo(column, this.param(value));
  }

  /** Sets a column of the cart row to an SQL expression (over the row `c`). */
  setTo(column: string, expression: string): void {
    this.sets.set(column, expression);
  }

  /**
   * Writes one of the cart's parts: an INSERT … SELECT … FROM cart_row, or an UPDATE or DELETE
   * whose WHERE clause ends with `AND ${statement.written}`. Parts do not see each other's writes,
   * so a row is written by one part at most.
   */
  part(sql: string): void {
    this.parts.push(sql);
  }

  /** The guard of an UPDATE or DELETE part: the cart row was written. */
  get written(): string {
    return 'EXISTS (SELECT 1 FROM cart_row)';
  }

  /**
   * Inserts a row of `table` (column → value; objects and arrays as JSON), with the cart's id in
   * `cartColumn` (null: none). The values are read through the table's row type, so each gets its
   * column's type.
   */
  insert(table: string, row: Record<string, unknown>, cartColumn: string | null = 'cart_id'): void {
    const columns = Object.keys(row);
    const names = cartColumn ? [cartColumn, ...columns] : columns;
    const values = [...(cartColumn ? ['cart_row.id'] : []), ...columns.map((column) => `given.${column}`)];
    this.part(
      `INSERT INTO ${table} (${names.join(', ')}) SELECT ${values.join(', ')}
       FROM cart_row, jsonb_populate_record(null::${table}, ${this.param(JSON.stringify(row))}::jsonb) AS given`,
    );
  }

  /**
   * The statement, answering `written` (0 when the cart did not have `version`, or is completed or
   * being completed: nothing was written then).
   */
  checked(version: number, activeCheckoutStages: readonly string[]): SqlQuery {
    const guard = `c.version = ${this.param(version)} AND c.completed_at IS NULL AND NOT EXISTS (
      SELECT 1 FROM cart.checkout k WHERE k.cart_id = c.id AND k.stage = ANY(${this.param(activeCheckoutStages)}))`;
    return this.build(guard);
  }

  /** The statement for a cart already locked and checked (in the caller's transaction, or after it). */
  unchecked(): SqlQuery {
    return this.build('true');
  }

  /** The statement that creates the cart `row` (with the statement's cart id) and its parts. */
  creating(row: Record<string, unknown>): SqlQuery {
    const columns = Object.keys(row);
    const cartRow = `cart_row AS (INSERT INTO cart.cart (id, ${columns.join(', ')})
      SELECT ${this.cartId}, ${columns.map((column) => `given.${column}`).join(', ')}
      FROM jsonb_populate_record(null::cart.cart, ${this.param(JSON.stringify(row))}::jsonb) AS given RETURNING id)`;
    return this.withParts(cartRow);
  }

  private build(guard: string): SqlQuery {
    const sets = [
      'version = c.version + 1',
      'updated_at = now()',
      ...[...this.sets].map(([column, expression]) => `${column} = ${expression}`),
    ];
    return this.withParts(
      `cart_row AS (UPDATE cart.cart c SET ${sets.join(', ')}
         WHERE c.id = ${this.cartId} AND c.deleted_at IS NULL AND ${guard} RETURNING c.id)`,
    );
  }

  private withParts(cartRow: string): SqlQuery {
    const ctes = [cartRow, ...this.parts.map((part, index) => `part_${index} AS (${part})`)];
    return this.sql.query(`WITH ${ctes.join(',\n')} SELECT count(*)::int AS written FROM cart_row`);
  }
}

/** Writes of a cart change that are parts of its one statement. */
export interface CartEdit {
  readonly edit: (statement: CartStatement) => void;
}

/** Writes as parts of the change's statement. */
export function cartEdit(edit: (statement: CartStatement) => void): CartEdit {
  return { edit };
}

/** Writes that need a transaction (they read, or check, as they write), on the cart `cartId`. */
export type TransactionWrite = (manager: EntityManager, cartId: string) => Promise<void>;

/** A change's writes: parts of one statement where they can be, else a transaction. */
export type CartWrite = CartEdit | TransactionWrite;

export function isEdit(write: CartWrite): write is CartEdit {
  return typeof write === 'object';
}

/**
 * Writes run in order: one statement when all are edits, else one transaction in which each edit
 * runs as a statement of its own in turn.
 */
export function inOrder(writes: CartWrite[]): CartWrite {
  if (writes.every(isEdit)) return cartEdit((statement) => writes.forEach((write) => write.edit(statement)));
  return async (manager, cartId) => {
    for (const write of writes) await runIn(manager, cartId, write);
  };
}

/** Runs `write` in `manager`'s transaction, where the cart is already locked and checked. */
export async function runIn(manager: EntityManager, cartId: string, write: CartWrite): Promise<void> {
  if (!isEdit(write)) return write(manager, cartId);
  const statement = new CartStatement(cartId);
  write.edit(statement);
  const { text, values } = statement.unchecked();
  await manager.query(text, values);
}
