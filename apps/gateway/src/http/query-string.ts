import qs from 'qs';

/**
 * Parses a query string as Medusa (Express) and medusa-js (`qs.stringify`) do:
 * `created_at[gt]=2024-01-01` → `{ created_at: { gt: '2024-01-01' } }`, `id[]=a&id[]=b` → arrays.
 * Bounded, and without prototype keys.
 */
export function parseQueryString(query: string): Record<string, unknown> {
  return qs.parse(query, { depth: 5, arrayLimit: 100, parameterLimit: 200, allowPrototypes: false });
}
