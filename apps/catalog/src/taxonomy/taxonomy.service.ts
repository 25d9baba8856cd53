import { Injectable } from '@nestjs/common';
import {
  CATALOG_REFERENCE_KINDS,
  CatalogReferencesRequest,
  CategoryList,
  CategoryReply,
  CollectionList,
  CollectionReply,
  GetCategoryRequest,
  ListCategoriesQuery,
  ListCollectionsQuery,
  ListTagsQuery,
  MissingReferences,
  TaxonomyRecord,
} from '@app/contracts';
import { DomainError, ResolvedQuery, resolveQuery, selectFields, PreparedStatements } from '@app/platform';
import {
  CATEGORY_QUERY,
  CATEGORY_RELATIONS,
  DEFAULT_CATEGORY_PAGE_SIZE,
  DEFAULT_COLLECTION_PAGE_SIZE,
  DEFAULT_VALUE_PAGE_SIZE,
  VALUE_QUERY,
} from './taxonomy.query-config';
import {
  categoryPageQuery,
  collectionByIdQuery,
  collectionPageQuery,
  STORE_CATEGORIES,
  valuePageQuery,
} from './taxonomy.sql';

interface Paged {
  record: TaxonomyRecord;
  total: number;
}

const CATEGORY_RELATION_KEYS = new Set(CATEGORY_RELATIONS);

/** The live records each kind of reference names. */
const REFERENCE_TABLES = {
  products: 'catalog.product',
  product_types: 'catalog.product_type',
  product_collections: 'catalog.product_collection',
  product_tags: 'catalog.product_tag',
} as const;

/** Collections, tags, types and the category tree, as Medusa's store routes show them. */
@Injectable()
export class TaxonomyService {
  constructor(private readonly db: PreparedStatements) {}

  async listCollections(query: ListCollectionsQuery): Promise<CollectionList> {
    const offset = query.offset ?? 0;
    const limit = query.limit ?? DEFAULT_COLLECTION_PAGE_SIZE;
    const { records, count } = await this.page(collectionPageQuery(query, offset, limit), offset);
    return { collections: records, count, offset, limit };
  }

  async getCollection(id: string): Promise<CollectionReply> {
    const [row] = await this.db.rows<Paged>(collectionByIdQuery(id));
    if (!row) throw DomainError.notFound(`Collection with id: ${id} was not found`);
    return { collection: row.record };
  }

  /** Tags (`product_tag`) or types (`product_type`). */
  async listValues(table: 'product_tag' | 'product_type', query: ListTagsQuery) {
    const resolved = resolveQuery(query, VALUE_QUERY);
    const offset = query.offset ?? 0;
    const limit = query.limit ?? DEFAULT_VALUE_PAGE_SIZE;
    const { records, count } = await this.page(valuePageQuery(table, query, resolved, offset, limit), offset);
    return {
      records: records.map((record) => selectFields(record, resolved.select, new Set())),
      count,
      offset,
      limit,
    };
  }

  async listCategories(query: ListCategoriesQuery): Promise<CategoryList> {
    const resolved = resolveQuery(query, CATEGORY_QUERY);
    const offset = query.offset ?? 0;
    const limit = query.limit ?? DEFAULT_CATEGORY_PAGE_SIZE;
    const [{ records, count }, tree] = await Promise.all([
      this.page(categoryPageQuery(query, resolved, offset, limit), offset),
      this.tree(),
    ]);
    const product_categories = records.map((record) =>
      this.presentCategory(record, tree, resolved, !!query.include_descendants_tree),
    );
    return { product_categories, count, offset, limit };
  }

  async getCategory(request: GetCategoryRequest): Promise<CategoryReply> {
    const resolved = resolveQuery(request, { ...CATEGORY_QUERY, isList: false });
    const tree = await this.tree();
    const record = tree.byId.get(request.id);
    if (!record) throw DomainError.notFound(`ProductCategory with id: ${request.id} was not found`);
    return {
      product_category: this.presentCategory(record, tree, resolved, !!request.include_descendants_tree),
    };
  }

  private async page(query: Parameters<PreparedStatements['rows']>[0], offset: number) {
    const rows = await this.db.rows<Paged>(query);
    if (rows.length) return { records: rows.map((row) => row.record), count: rows[0].total };
    // An empty page still has a total: count the matches with the page start at zero.
    const all =
      offset > 0 ? await this.db.rows<Paged>({ ...query, values: [...query.values.slice(0, -1), 0] }) : [];
    return { records: [] as TaxonomyRecord[], count: all[0]?.total ?? 0 };
  }

  private async tree() {
    const rows = await this.db.rows<{ record: TaxonomyRecord }>(STORE_CATEGORIES);
    const byId = new Map(rows.map((row) => [row.record.id, row.record]));
    const children = new Map<string, TaxonomyRecord[]>();
    for (const { record } of rows) {
      const parent = record.parent_category_id as string | null;
      if (parent) children.set(parent, [...(children.get(parent) ?? []), record]);
    }
    return { byId, children };
  }

  private presentCategory(
    record: TaxonomyRecord,
    tree: { byId: Map<string, TaxonomyRecord>; children: Map<string, TaxonomyRecord[]> },
    resolved: ResolvedQuery,
    descendants: boolean,
  ): TaxonomyRecord {
    const out: TaxonomyRecord = { ...record };
    if (resolved.relations.has('parent_category')) {
      out.parent_category = tree.byId.get(record.parent_category_id as string) ?? null;
    }
    if (resolved.relations.has('category_children')) {
      const childrenOf = (id: string): TaxonomyRecord[] =>
        (tree.children.get(id) ?? []).map((child) =>
          descendants ? { ...child, category_children: childrenOf(child.id) } : { ...child },
        );
      out.category_children = childrenOf(record.id);
    }
    return selectFields(out, resolved.select, CATEGORY_RELATION_KEYS);
  }

  /** Which ids of each kind name no live record, in one statement. */
  async missingReferences(request: CatalogReferencesRequest): Promise<MissingReferences> {
    const asked = CATALOG_REFERENCE_KINDS.map((kind) => [...new Set(request[kind] ?? [])]);
    const [row] = await this.db.rows<MissingReferences>({
      name: 'catalog.reference.missing',
      text: `SELECT ${CATALOG_REFERENCE_KINDS.map(
        (kind, i) =>
          `ARRAY(SELECT id FROM unnest($${i + 1}::text[]) AS asked(id) WHERE NOT EXISTS (
             SELECT 1 FROM ${REFERENCE_TABLES[kind]} t WHERE t.id = asked.id AND t.deleted_at IS NULL)) AS ${kind}`,
      ).join(', ')}`,
      values: asked,
    });
    return row;
  }
}
