import { readFileSync } from 'node:fs';
import { join } from 'node:path';

type Json = unknown;

/** A response real Medusa 1.20 gave to a checkout step (`test/fixtures/medusa-v1-responses`). */
export function recordedResponse(name: string): Json {
  return JSON.parse(
    readFileSync(join(__dirname, '..', 'fixtures', 'medusa-v1-responses', `${name}.json`), 'utf8'),
  );
}

function kind(value: Json): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

/** Medusa's item to compare ours with: the one of the same provider (payment sessions), else the first. */
function counterpart(theirs: Json[], item: Json): Json {
  const provider = (item as { provider_id?: unknown } | null)?.provider_id;
  if (provider === undefined) return theirs[0];
  return (
    theirs.find((candidate) => (candidate as { provider_id?: unknown }).provider_id === provider) ?? null
  );
}

/**
 * Where `ours` lacks a key Medusa's `theirs` has, or holds it with another JSON type (a null on
 * either side is not a type: data differs between the stores). Arrays are compared item by item
 * against Medusa's first item (of the same provider, for sessions and payments); each path is named
 * once (`cart.items[].variant.product.profile`).
 */
export function missingKeys(theirs: Json, ours: Json, path = ''): string[] {
  if (theirs === null || ours === null || ours === undefined) return [];
  if (kind(theirs) !== kind(ours)) return [`${path} (${kind(ours)}, Medusa: ${kind(theirs)})`];
  if (Array.isArray(theirs)) {
    const oursList = ours as Json[];
    if (!theirs.length || !oursList.length) return [];
    return [
      ...new Set(oursList.flatMap((item) => missingKeys(counterpart(theirs, item), item, `${path}[]`))),
    ];
  }
  if (typeof theirs !== 'object') return [];
  const missing: string[] = [];
  const mine = ours as Record<string, Json>;
  for (const [key, value] of Object.entries(theirs as Record<string, Json>)) {
    const at = path ? `${path}.${key}` : key;
    if (!(key in mine)) missing.push(at);
    else missing.push(...missingKeys(value, mine[key], at));
  }
  return missing;
}
