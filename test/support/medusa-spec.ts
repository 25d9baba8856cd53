import Ajv, { ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { readFileSync } from 'node:fs';
import { MEDUSA_SPEC_PATH } from './medusa-spec-file';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { openapiSchemaToJsonSchema } = require('@openapi-contrib/openapi-schema-to-json-schema') as {
  openapiSchemaToJsonSchema: (schema: unknown, options: object) => JsonSchema;
};

type JsonSchema = Record<string, unknown> & {
  properties?: Record<string, unknown>;
  required?: string[];
  allOf?: JsonSchema[];
};

const SPEC_PATH = MEDUSA_SPEC_PATH;

/**
 * Where the real Medusa 1.20 server answers differently from its own spec, the real server wins:
 * these corrections make real Medusa responses for a whole checkout pass.
 */
const ERRATA: Record<string, (schema: JsonSchema) => void> = {
  Country: (s) => {
    s.properties = { ...s.properties, id: { type: 'integer' }, num_code: { type: ['integer', 'string'] } };
  },
  // Tax lines computed on the fly (automatic taxes) carry no id, timestamps or metadata.
  LineItemTaxLine: (s) => {
    s.required = ['code', 'name', 'rate'];
  },
  ShippingMethodTaxLine: (s) => {
    s.required = ['code', 'name', 'rate'];
  },
  // payment_session is a virtual relation, absent until sessions exist.
  Cart: (s) => {
    s.required = (s.required ?? []).filter((key) => key !== 'payment_session');
  },
  // Without a region, currency or cart in the query, prices are not computed and come back null.
  PricedVariant: (s) => {
    const own = (s.allOf ?? []).find((part) => part.properties?.calculated_price) ?? s;
    for (const key of [
      'original_price',
      'calculated_price',
      'original_price_incl_tax',
      'calculated_price_incl_tax',
      'original_tax',
      'calculated_tax',
      'tax_rates',
      'calculated_price_type',
    ]) {
      if (own.properties?.[key]) own.properties[key] = { anyOf: [own.properties[key], { type: 'null' }] };
    }
  },
  // Medusa's own error codes that the spec's enum forgets (insufficient stock, completed cart).
  Error: (s) => {
    if (s.properties?.code) s.properties.code = { type: 'string' };
  },
  // Order responses omit several columns the spec marks required.
  Order: (s) => {
    s.required = [
      'id',
      'status',
      'fulfillment_status',
      'payment_status',
      'display_id',
      'cart_id',
      'customer_id',
      'email',
      'region_id',
      'currency_code',
      'created_at',
    ];
  },
};

/** OpenAPI 3.0 ignores siblings of $ref, but Medusa's spec puts `nullable: true` there: honour it. */
function honourNullableRefs(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(honourNullableRefs);
  if (!node || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) out[key] = honourNullableRefs(value);
  if (out.$ref && out.nullable) {
    const { $ref, nullable: _nullable, ...rest } = out;
    return { ...rest, anyOf: [{ $ref }, { type: 'null' }] };
  }
  return out;
}

let ajv: Ajv | undefined;

function validatorFor(name: string): ValidateFunction {
  if (!ajv) {
    const spec = JSON.parse(readFileSync(SPEC_PATH, 'utf8')) as {
      components: { schemas: Record<string, unknown> };
    };
    const schemas = honourNullableRefs(
      JSON.parse(
        JSON.stringify(spec.components.schemas).replace(/#\/components\/schemas\//g, '#/definitions/'),
      ),
    ) as Record<string, unknown>;
    const definitions: Record<string, JsonSchema> = {};
    for (const [key, schema] of Object.entries(schemas)) {
      const converted = openapiSchemaToJsonSchema(schema, { supportPatternProperties: true });
      ERRATA[key]?.(converted);
      definitions[key] = converted;
    }
    ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(ajv);
    ajv.addSchema({ $id: 'medusa-store-v1', definitions });
  }
  const validate = ajv.getSchema(`medusa-store-v1#/definitions/${name}`);
  if (!validate) throw new Error(`no schema named ${name} in Medusa's store spec`);
  return validate;
}

/** Validates a response body against a schema of Medusa's store spec; null when it conforms. */
export function medusaSchemaErrors(schema: string, body: unknown): string | null {
  const validate = validatorFor(schema);
  if (validate(body)) return null;
  return (validate.errors ?? [])
    .slice(0, 5)
    .map((error) => `${error.instancePath || '/'} ${error.message}`)
    .join('; ');
}

/** The relations a complete response of the schema carries (the spec's x-expanded-relations). */
export function expandedRelations(schema: string): { field?: string; relations: string[] } {
  const spec = JSON.parse(readFileSync(SPEC_PATH, 'utf8')) as {
    components: {
      schemas: Record<string, { 'x-expanded-relations'?: { field?: string; relations?: string[] } }>;
    };
  };
  const expanded = spec.components.schemas[schema]?.['x-expanded-relations'];
  return { field: expanded?.field, relations: expanded?.relations ?? [] };
}
