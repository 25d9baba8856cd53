import { DEMO_PUBLISHABLE_KEY } from '@app/contracts';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { stringify } from 'qs';
import { MEDUSA_SPEC_PATH } from './medusa-spec-file';

type Schema = Record<string, unknown> & {
  $ref?: string;
  type?: string;
  enum?: unknown[];
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  allOf?: Schema[];
  oneOf?: Schema[];
  anyOf?: Schema[];
};

interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  schema?: Schema;
}

/** One operation of Medusa's store spec, as the fuzzer calls it. */
export interface StoreOperation {
  method: 'get' | 'post' | 'delete';
  path: string;
  pathParams: string[];
  query: Record<string, Schema>;
  body: Schema | null;
}

/** A request the fuzzer sends: its method and URL, and its body as raw bytes (valid JSON or not). */
export interface FuzzRequest {
  method: 'get' | 'post' | 'delete';
  url: string;
  body: string | null;
  /** A publishable API key to send (`x-publishable-api-key`): the demo one, or a hostile one. */
  publishableKey: string | null;
}

const SPEC_PATH = MEDUSA_SPEC_PATH;

const spec = JSON.parse(readFileSync(SPEC_PATH, 'utf8')) as {
  paths: Record<
    string,
    Record<
      string,
      { parameters?: Parameter[]; requestBody?: { content?: Record<string, { schema?: Schema }> } }
    >
  >;
  components: { schemas: Record<string, Schema> };
};

/** Every operation of the store spec (`/store/…`). */
export function storeOperations(): StoreOperation[] {
  const operations: StoreOperation[] = [];
  for (const [path, methods] of Object.entries(spec.paths)) {
    if (!path.startsWith('/store')) continue;
    for (const [method, operation] of Object.entries(methods)) {
      if (!['get', 'post', 'delete'].includes(method)) continue;
      const parameters = operation.parameters ?? [];
      operations.push({
        method: method as StoreOperation['method'],
        path,
        pathParams: parameters.filter((p) => p.in === 'path').map((p) => p.name),
        query: Object.fromEntries(
          parameters.filter((p) => p.in === 'query').map((p) => [p.name, p.schema ?? {}]),
        ),
        body: operation.requestBody?.content?.['application/json']?.schema ?? null,
      });
    }
  }
  return operations;
}

function resolve(schema: Schema | undefined): Schema {
  let current = schema ?? {};
  for (let hops = 0; current.$ref && hops < 10; hops += 1) {
    current = spec.components.schemas[current.$ref.replace('#/components/schemas/', '')] ?? {};
  }
  return current;
}

/** The properties a body schema documents (its `allOf` parts' merged), by name. */
export function bodyProperties(schema: Schema | null): Record<string, Schema> {
  if (!schema) return {};
  const resolved = resolve(schema);
  return Object.assign(
    {},
    resolved.properties ?? {},
    ...(resolved.allOf ?? []).map((part) => bodyProperties(part)),
  );
}

/** One plain value fitting the schema: the first of an enum, `example`, 1, true, a list of one. */
export function exampleOf(schema: Schema | undefined): unknown {
  const resolved = resolve(schema);
  if (resolved.enum?.length) return resolved.enum[0];
  const parts = resolved.allOf ?? resolved.oneOf ?? resolved.anyOf;
  if (parts?.length) return exampleOf(parts[0]);
  switch (resolved.type) {
    case 'string':
      return 'example';
    case 'integer':
    case 'number':
      return 1;
    case 'boolean':
      return true;
    case 'array':
      return [exampleOf(resolved.items)];
    default:
      return {};
  }
}

/** Values no route should take, and every route must refuse with a 4xx, never a 5xx. */
const HOSTILE: unknown[] = [
  null,
  -1,
  0,
  2 ** 53,
  -(2 ** 63),
  1e308,
  1.5,
  '',
  'x'.repeat(10 * 1024),
  '😀𝄞\u0000\u202e',
  "' OR 1=1 --",
  '"; DROP TABLE cart.cart; --',
  '{"$ne":null}',
  '../../etc/passwd',
  '%00%ff',
  '__proto__',
  [],
  {},
  { __proto__: { polluted: true } },
  true,
];

const hostile = fc.constantFrom(...HOSTILE);

/** Values fitting the schema most of the time, hostile ones otherwise. */
export function valueOf(schema: Schema | undefined, depth = 0): fc.Arbitrary<unknown> {
  const resolved = resolve(schema);
  const own = ((): fc.Arbitrary<unknown> => {
    if (resolved.enum?.length) return fc.constantFrom(...resolved.enum);
    const parts = resolved.allOf ?? resolved.oneOf ?? resolved.anyOf;
    if (parts?.length) return fc.oneof(...parts.map((part) => valueOf(part, depth + 1)));
    switch (resolved.type) {
      case 'string':
        return fc.oneof(fc.string({ maxLength: 20 }), fc.stringMatching(/^[a-z]{2,12}_[0-9A-Z]{10}$/));
      case 'integer':
        return fc.oneof(fc.integer({ min: 0, max: 100 }), fc.integer());
      case 'number':
        return fc.double({ noNaN: true });
      case 'boolean':
        return fc.boolean();
      case 'array':
        return depth > 3 ? fc.constant([]) : fc.array(valueOf(resolved.items, depth + 1), { maxLength: 3 });
      case 'object':
      default: {
        const properties = resolved.properties ?? {};
        if (depth > 3 || !Object.keys(properties).length)
          return fc.dictionary(fc.string({ maxLength: 8 }), fc.string());
        return fc.record(
          Object.fromEntries(
            Object.entries(properties).map(([key, value]) => [key, valueOf(value, depth + 1)]),
          ),
          { requiredKeys: [] },
        );
      }
    }
  })();
  return fc.oneof({ arbitrary: own, weight: 4 }, { arbitrary: hostile, weight: 1 });
}

/** A body nested `levels` deep. */
function nested(levels: number): string {
  return '{"a":'.repeat(levels) + '1' + '}'.repeat(levels);
}

/**
 * Requests for an operation: path ids drawn from `ids` (real ones, so deeper code runs) or hostile
 * strings; query parameters from their schemas, sometimes repeated or unknown; bodies from the
 * body schema, or malformed JSON, too deep, or past the size limit.
 */
export function requestsFor(operation: StoreOperation, ids: string[]): fc.Arbitrary<FuzzRequest> {
  const pathValue = fc.oneof(
    { arbitrary: fc.constantFrom(...ids), weight: 3 },
    { arbitrary: fc.constantFrom('x', "a'b", '..', '%2e%2e', 'ü', 'x'.repeat(300), '0', '-1'), weight: 1 },
  );
  const pathArb = fc.tuple(...operation.pathParams.map(() => pathValue));
  const queryArb = fc.record(
    Object.fromEntries(Object.entries(operation.query).map(([key, schema]) => [key, valueOf(schema)])),
    { requiredKeys: [] },
  );
  const extraQuery = fc.constantFrom(
    '',
    '&limit=1&limit=2',
    '&unknown_param=1',
    '&expand=' + 'a,'.repeat(2000),
    '&q[$ne]=1',
  );
  const bodyArb: fc.Arbitrary<string | null> =
    operation.method === 'post'
      ? fc.oneof(
          {
            arbitrary: valueOf(operation.body ?? { type: 'object' }).map((value) =>
              JSON.stringify(value ?? null),
            ),
            weight: 6,
          },
          {
            arbitrary: fc.constantFrom('{"a":', '[1,2', 'not json', '{"x":"\ud800"}', nested(200)),
            weight: 1,
          },
          { arbitrary: fc.constant(JSON.stringify({ padding: 'x'.repeat(300 * 1024) })), weight: 1 },
        )
      : fc.constant(null);
  const keyArb = fc.oneof(
    { arbitrary: fc.constant(null), weight: 4 },
    {
      arbitrary: fc.constantFrom(
        DEMO_PUBLISHABLE_KEY,
        'pk_01KDVDNA30UNKN0WN00000001',
        "' OR 1=1--",
        'x'.repeat(500),
      ),
      weight: 1,
    },
  );
  return fc
    .tuple(pathArb, queryArb, extraQuery, bodyArb, keyArb)
    .map(([params, query, extra, body, publishableKey]) => {
      let path = operation.path;
      operation.pathParams.forEach((name, index) => {
        path = path.replace(`{${name}}`, encodeURIComponent(String(params[index])));
      });
      const search = stringify(query, { encodeValuesOnly: true, allowDots: false }) + extra;
      const url = search ? `${path}?${search.replace(/^&/, '')}` : path;
      return { method: operation.method, url, body, publishableKey };
    });
}

/** What a body must never show: a stack trace, SQL, or a driver's error. */
export function leaks(text: string): string | null {
  const patterns = [
    /\bat .+\.(ts|js):\d+/,
    /\bSELECT\b.+\bFROM\b/i,
    /QueryFailedError|syntax error at or near|node_modules/,
  ];
  const found = patterns.find((pattern) => pattern.test(text));
  return found ? `matches ${found}` : null;
}
