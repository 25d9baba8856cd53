import { dirname, join } from 'node:path';
import ts from 'typescript';

/**
 * Medusa v1's admin response shapes, read from its published client types
 * (`@medusajs/client-types`, generated from Medusa's admin OpenAPI spec): the keys a response of a
 * type must have, checked down to the objects inside it. Medusa's own `SetRelation`s make expanded
 * relations required, as its routes return them.
 */
const MODELS = join(dirname(require.resolve('@medusajs/client-types/package.json')), 'dist/lib/models');

/**
 * Where the real Medusa 1.20 server answers without a key its types require, the real server wins
 * (as for the store spec's errata): paths, array indices as `[]`, of the keys it leaves out.
 */
const ERRATA = [
  // An order's line items carry no gift_card_total (reference/medusa-v1-responses/10-carts.complete.json).
  /(^|\.)items\[\]\.gift_card_total$/,
];

const isErratum = (path: string) => ERRATA.some((pattern) => pattern.test(path.replace(/\[\d+\]/g, '[]')));

let program: ts.Program | undefined;

function typeNamed(name: string): { checker: ts.TypeChecker; type: ts.Type } {
  program ??= ts.createProgram([join(MODELS, 'index.d.ts')], { strict: true, noEmit: true });
  const checker = program.getTypeChecker();
  const file = program.getSourceFile(join(MODELS, `${name}.d.ts`));
  if (!file) throw new Error(`Medusa's client types have no ${name}`);
  const symbol = checker.getSymbolAtLocation(file)?.exports?.get(ts.escapeLeadingUnderscores(name));
  if (!symbol) throw new Error(`${name}.d.ts does not export ${name}`);
  return { checker, type: checker.getDeclaredTypeOfSymbol(symbol) };
}

/**
 * The keys `value` lacks that Medusa's `typeName` requires, as paths (`price_list.prices[0].amount`),
 * down to `depth` objects deep; arrays are checked by their first element.
 */
export function medusaAdminShapeErrors(typeName: string, value: unknown, depth = 3): string[] {
  const { checker, type } = typeNamed(typeName);
  const missing: string[] = [];
  const visit = (current: ts.Type, found: unknown, path: string, level: number) => {
    if (found === null || found === undefined || level > depth) return;
    const objectType = checker.getNonNullableType(current);
    if (checker.isArrayType(objectType)) {
      if (!Array.isArray(found) || !found.length) return;
      const [element] = checker.getTypeArguments(objectType as ts.TypeReference);
      visit(element, found[0], `${path}[0]`, level);
      return;
    }
    if (typeof found !== 'object' || Array.isArray(found)) return;
    const properties = checker.getPropertiesOfType(objectType);
    if (!properties.length || objectType.getStringIndexType()) return;
    const record = found as Record<string, unknown>;
    for (const property of properties) {
      const key = property.getName();
      const optional = (property.flags & ts.SymbolFlags.Optional) !== 0;
      const where = path ? `${path}.${key}` : key;
      if (!(key in record)) {
        if (!optional && !isErratum(where)) missing.push(where);
        continue;
      }
      visit(checker.getTypeOfSymbol(property), record[key], where, level + 1);
    }
  };
  visit(type, value, '', 0);
  return missing;
}
