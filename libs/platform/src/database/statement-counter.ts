import { Client } from 'pg';

/** How many SQL statements and transactions (BEGIN … COMMIT blocks) this process has sent to Postgres. */
export interface StatementCounts {
  statements: number;
  transactions: number;
}

const counts: StatementCounts = { statements: 0, transactions: 0 };
let installed = false;

const BEGINS_TRANSACTION = /^\s*(BEGIN|START\s+TRANSACTION)\b/i;

/** The statement text of a `pg` query call, whatever form its first argument takes. */
function statementText(query: unknown): string {
  if (typeof query === 'string') return query;
  if (query && typeof query === 'object' && 'text' in query) return String((query as { text: unknown }).text);
  return '';
}

/**
 * Counts every statement any `pg` client of this process sends (TypeORM's, the prepared reads, the
 * relay's listener), and the transactions among them. Installed once per process; costs one regular
 * expression test per statement.
 */
export function countStatements(): void {
  if (installed) return;
  installed = true;
  const query = Client.prototype.query as (...args: unknown[]) => unknown;
  Client.prototype.query = function (this: Client, ...args: unknown[]) {
    counts.statements += 1;
    if (BEGINS_TRANSACTION.test(statementText(args[0]))) counts.transactions += 1;
    return query.apply(this, args);
  } as typeof Client.prototype.query;
}

/** The counts so far (a copy). */
export function statementCounts(): StatementCounts {
  return { ...counts };
}
