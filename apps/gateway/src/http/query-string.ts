import { FastifyInstance } from 'fastify';
import qs from 'qs';

/** The most parameters a query string may carry (a storefront sends a few dozen at most). */
export const MAX_QUERY_PARAMETERS = 200;

/**
 * Parses a query string as Medusa (Express) and medusa-js (`qs.stringify`) do:
 * `created_at[gt]=2024-01-01` → `{ created_at: { gt: '2024-01-01' } }`, `id[]=a&id[]=b` → arrays.
 * Bounded, and without prototype keys.
 */
export function parseQueryString(query: string): Record<string, unknown> {
  return qs.parse(query, {
    depth: 5,
    arrayLimit: 100,
    parameterLimit: MAX_QUERY_PARAMETERS,
    allowPrototypes: false,
  });
}

/** How many parameters a URL's query string carries. */
export function queryParameterCount(url: string): number {
  const start = url.indexOf('?');
  if (start < 0) return 0;
  let count = 0;
  for (const part of url.slice(start + 1).split('&')) if (part) count += 1;
  return count;
}

/**
 * Refuses a query string of more than MAX_QUERY_PARAMETERS parameters with a 400 in Medusa's error
 * shape, before any route reads it (the parser alone would drop the rest silently).
 */
export function refuseCrowdedQueryStrings(fastify: FastifyInstance): void {
  fastify.addHook('onRequest', (request, reply, done) => {
    if (queryParameterCount(request.url) <= MAX_QUERY_PARAMETERS) return done();
    void reply.code(400).send({
      type: 'invalid_data',
      message: `The query string may carry at most ${MAX_QUERY_PARAMETERS} parameters`,
    });
  });
}
