import { readFileSync } from 'node:fs';
import { MEDUSA_SPEC_PATH } from './medusa-spec-file';

type Schema = {
  $ref?: string;
  allOf?: Schema[];
  oneOf?: Schema[];
  anyOf?: Schema[];
  type?: string;
  properties?: Record<string, Schema>;
  items?: Schema;
  'x-expandable'?: string;
};

const SPEC_PATH = MEDUSA_SPEC_PATH;
let schemas: Record<string, Schema> | undefined;

function named(name: string): Schema {
  schemas ??= (
    JSON.parse(readFileSync(SPEC_PATH, 'utf8')) as { components: { schemas: Record<string, Schema> } }
  ).components.schemas;
  const schema = schemas[name];
  if (!schema) throw new Error(`no schema named ${name} in Medusa's store spec`);
  return schema;
}

/** A schema with its `$ref` followed and its `allOf` parts' properties merged. */
function resolved(schema: Schema): Schema {
  if (schema.$ref) return resolved(named(schema.$ref.replace('#/components/schemas/', '')));
  if (!schema.allOf) return schema;
  const parts = schema.allOf.map(resolved);
  return {
    type: parts.find((part) => part.type)?.type ?? schema.type,
    properties: Object.assign({}, ...parts.map((part) => part.properties ?? {})),
  };
}

function kindOf(value: unknown): string {
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

const KINDS: Record<string, string> = {
  integer: 'number',
  number: 'number',
  string: 'string',
  boolean: 'boolean',
  object: 'object',
  array: 'array',
};

/**
 * Where a response lacks a property the spec documents for it (required or not; a relation the
 * spec marks `x-expandable` only when absent from the response is not a gap), or holds one with
 * another JSON type than documented (null aside). Each path is named once (`cart.items[].variant`).
 */
export function documentedGaps(schemaName: string, body: unknown): string[] {
  return [...new Set(gaps(named(schemaName), body, ''))];
}

function gaps(given: Schema, value: unknown, path: string): string[] {
  if (value === null || value === undefined) return [];
  const schema = resolved(given);
  const alternatives = schema.oneOf ?? schema.anyOf;
  if (alternatives) {
    // The alternative the value is: the one documenting most of its keys.
    const documented = (alternative: Schema) =>
      typeof value === 'object'
        ? Object.keys(resolved(alternative).properties ?? {}).filter((key) => key in value).length
        : 0;
    const best = alternatives.reduce((chosen, next) =>
      documented(next) > documented(chosen) ? next : chosen,
    );
    return gaps(best, value, path);
  }
  if (Array.isArray(value)) {
    return schema.items ? value.flatMap((item) => gaps(schema.items as Schema, item, `${path}[]`)) : [];
  }
  if (typeof value !== 'object' || !schema.properties) return [];
  const found: string[] = [];
  const record = value as Record<string, unknown>;
  for (const [key, property] of Object.entries(schema.properties)) {
    const at = path ? `${path}.${key}` : key;
    if (!(key in record)) {
      if (!property['x-expandable']) found.push(at);
      continue;
    }
    const expected = KINDS[resolved(property).type ?? ''];
    const actual = kindOf(record[key]);
    if (expected && record[key] !== null && expected !== actual)
      found.push(`${at} (${actual}, documented: ${expected})`);
    else found.push(...gaps(property, record[key], at));
  }
  return found;
}

/**
 * Documented properties that real Medusa 1.20 does not send either (its recorded responses lack
 * them too), keyed by the end of their path, with why we follow it.
 */
export const SENT_BY_NEITHER: Record<string, string> = {
  'countries[].id (number, documented: string)':
    'a country id is an integer in Medusa’s database and answers',
  'countries[].num_code (number, documented: string)': 'so is its numeric code',
  'cart.items[].tax_lines[].id': 'a cart’s tax lines are computed when it is shown, not stored',
  'cart.items[].tax_lines[].created_at': 'computed, not stored',
  'cart.items[].tax_lines[].updated_at': 'computed, not stored',
  'cart.items[].tax_lines[].metadata': 'computed, not stored',
  'cart.shipping_methods[].tax_lines[].id': 'computed, not stored',
  'cart.shipping_methods[].tax_lines[].created_at': 'computed, not stored',
  'cart.shipping_methods[].tax_lines[].updated_at': 'computed, not stored',
  'cart.shipping_methods[].tax_lines[].metadata': 'computed, not stored',
  'cart.items[].refundable': 'what can be refunded belongs to an order’s lines',
  'cart.refunded_total': 'refunds belong to orders',
  'cart.refundable_amount': 'refunds belong to orders',
  'items[].gift_card_total': 'Medusa spreads gift cards over the order, not its lines',
  'shipping_address.customer': 'an address’s customer is not loaded with a cart or an order',
  'billing_address.customer': 'an address’s customer is not loaded with a cart or an order',
};

/**
 * Where Medusa's spec documents another type than Medusa 1.20 sends (its entities and medusa-js's
 * types say so; no recorded answer shows it).
 */
export const SPEC_TYPE_ERRATA: Record<string, string> = {
  'return_reasons[].return_reason_children (array, documented: object)':
    'the children of a return reason are a list (the entity’s one-to-many relation)',
  'return_reason.return_reason_children (array, documented: object)': 'the same, for one return reason',
};

/** The gaps no entry of SENT_BY_NEITHER or SPEC_TYPE_ERRATA explains. */
export function unexplained(gaps: string[]): string[] {
  const known = [...Object.keys(SENT_BY_NEITHER), ...Object.keys(SPEC_TYPE_ERRATA)];
  return gaps.filter((gap) => !known.some((end) => gap === end || gap.endsWith(`.${end}`)));
}
