import { DomainError } from '../errors/domain-error';

/** What a Medusa route serves by default and allows to be asked for (`transformStoreQuery`). */
export interface QueryConfig {
  /** Scalar fields returned when `fields` is not given. */
  defaultFields: string[];
  /** Fields `fields` and `order` may name (nested ones as `variants.title`). */
  allowedFields: string[];
  defaultRelations: string[];
  /** Relations `expand` may name. */
  allowedRelations: string[];
  /** A list route: `fields` also keeps `created_at`, and the default order is newest first. */
  isList: boolean;
}

/** `fields`, `expand` and `order` as a request gives them. */
export interface QueryShape {
  fields?: string;
  expand?: string;
  order?: string;
}

export interface ResolvedQuery {
  /** Requested scalar fields per relation path ('' is the record itself); absent = all of them. */
  select?: Map<string, Set<string>>;
  /** Relation paths to load, e.g. `variants`, `variants.prices`. */
  relations: Set<string>;
  order: { field: string; direction: 'ASC' | 'DESC' };
}

const notValid = (names: string[]) =>
  DomainError.invalidData(`Requested fields [${names.join(', ')}] are not valid`);

/**
 * Medusa v1's `prepareListQuery`: `fields` replaces the default fields (or adds `+f` / removes `-f`),
 * always keeping `id` (and `created_at` in lists); `expand` replaces the default relations; `order`
 * is a field, `-` for descending, newest first by default. Unknown fields or relations are
 * `invalid_data` (400) — unlike Medusa, also when they merely start like an allowed one.
 */
export function resolveQuery(shape: QueryShape, config: QueryConfig): ResolvedQuery {
  let select: Map<string, Set<string>> | undefined;
  const relations = new Set(config.defaultRelations);
  if (shape.fields !== undefined) {
    const requested = shape.fields.split(',').filter(Boolean);
    const relative = requested.length > 0 && requested.every((field) => /^[+-]/.test(field));
    const fields = new Set(relative ? config.defaultFields : []);
    for (const field of requested) {
      if (field.startsWith('-')) fields.delete(field.slice(1));
      else fields.add(field.replace(/^\+/, ''));
    }
    fields.add('id');
    if (config.isList) fields.add('created_at');
    const unknown = [...fields].filter((field) => !isAllowedField(field, config.allowedFields));
    if (unknown.length) throw notValid(unknown);
    select = new Map();
    for (const field of fields) {
      const dot = field.lastIndexOf('.');
      const path = dot < 0 ? '' : field.slice(0, dot);
      if (!select.has(path)) select.set(path, new Set(['id']));
      select.get(path)?.add(field.slice(dot + 1));
      if (path) relations.add(path);
    }
  }
  if (shape.expand !== undefined) {
    const expanded = shape.expand.split(',').filter(Boolean);
    const unknown = expanded.filter((relation) => !config.allowedRelations.includes(relation));
    if (unknown.length) throw notValid(unknown);
    relations.clear();
    for (const relation of expanded) relations.add(relation);
  }
  return { select, relations, order: resolveOrder(shape.order, config) };
}

function isAllowedField(field: string, allowed: string[]): boolean {
  return allowed.some((candidate) => field === candidate || field.startsWith(`${candidate}.`));
}

function resolveOrder(order: string | undefined, config: QueryConfig): ResolvedQuery['order'] {
  if (order === undefined || order === '')
    return { field: 'created_at', direction: config.isList ? 'DESC' : 'ASC' };
  const descending = order.startsWith('-');
  const field = descending ? order.slice(1) : order;
  if (!config.allowedFields.includes(field) || field.includes('.')) {
    throw DomainError.invalidData(`Order field ${field} is not valid`);
  }
  return { field, direction: descending ? 'DESC' : 'ASC' };
}

/**
 * Keeps, at every level of `record`, the scalar fields `select` asks for there (all when it names
 * none), and drops nothing else: relations are loaded only when requested, so whatever relation
 * a record carries was asked for.
 */
export function selectFields<T>(
  record: T,
  select: ResolvedQuery['select'],
  relationKeys: Set<string>,
  path = '',
): T {
  if (!select || record === null || typeof record !== 'object') return record;
  if (Array.isArray(record)) return record.map((item) => selectFields(item, select, relationKeys, path)) as T;
  const wanted = select.get(path);
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record as Record<string, unknown>)) {
    const childPath = path ? `${path}.${key}` : key;
    if (relationKeys.has(childPath)) out[key] = selectFields(value, select, relationKeys, childPath);
    else if (!wanted || wanted.has(key)) out[key] = value;
  }
  return out as T;
}
