/**
 * Allowed browser origins from `STORE_CORS`, read as Medusa reads its `store_cors`: comma
 * separated, an entry written `/…/` is a regular expression.
 */
export function parseCorsOrigins(entries: string[]): Array<string | RegExp> {
  return entries.map((entry) =>
    entry.length > 2 && entry.startsWith('/') && entry.endsWith('/') ? new RegExp(entry.slice(1, -1)) : entry,
  );
}

/** Response headers a browser client may read. */
export const EXPOSED_HEADERS = ['Idempotency-Key', 'X-Correlation-Id'];
