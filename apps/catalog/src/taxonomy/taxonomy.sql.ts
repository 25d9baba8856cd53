import { ListCategoriesQuery, ListCollectionsQuery, ListTagsQuery } from '@app/contracts';
import { containsPattern, dateRange, jsonObject, ResolvedQuery, SqlBuilder, SqlQuery } from '@app/platform';
import { STORE_CATEGORY } from '../products/product.sql';
import { CATEGORY_COLUMNS, COLLECTION_COLUMNS, VALUE_COLUMNS } from '../sql/columns';

/** A page and the total count of a listing, in one statement. */
function paged(
  sql: SqlBuilder,
  json: string,
  from: string,
  where: string[],
  order: string,
  offset: number,
  limit: number,
): SqlQuery {
  return sql.query(
    `SELECT ${json} AS record, count(*) OVER ()::int AS total FROM ${from} WHERE ${where.join(' AND ')}
     ORDER BY ${order} LIMIT ${sql.param(limit)} OFFSET ${sql.param(offset)}`,
  );
}

export function collectionPageQuery(query: ListCollectionsQuery, offset: number, limit: number): SqlQuery {
  const sql = new SqlBuilder();
  const where = ['c.deleted_at IS NULL'];
  if (query.handle?.length) where.push(`c.handle = ANY(${sql.param(query.handle)})`);
  where.push(
    ...dateRange(sql, 'c.created_at', query.created_at),
    ...dateRange(sql, 'c.updated_at', query.updated_at),
  );
  return paged(
    sql,
    jsonObject('c', COLLECTION_COLUMNS),
    'catalog.product_collection c',
    where,
    'c.created_at DESC, c.id DESC',
    offset,
    limit,
  );
}

export function collectionByIdQuery(id: string): SqlQuery {
  return {
    name: 'catalog.collection.by-id',
    text: `SELECT ${jsonObject('c', COLLECTION_COLUMNS)} AS record FROM catalog.product_collection c WHERE c.id = $1 AND c.deleted_at IS NULL`,
    values: [id],
  };
}

/** A page of product tags or types (`table`), filtered and ordered as Medusa's routes allow. */
export function valuePageQuery(
  table: 'product_tag' | 'product_type',
  query: ListTagsQuery,
  resolved: ResolvedQuery,
  offset: number,
  limit: number,
): SqlQuery {
  const sql = new SqlBuilder();
  const where = ['t.deleted_at IS NULL'];
  if (query.id?.length) where.push(`t.id = ANY(${sql.param(query.id)})`);
  if (query.value?.length) where.push(`t.value = ANY(${sql.param(query.value)})`);
  if (query.q) where.push(`t.value ILIKE ${sql.param(containsPattern(query.q))}`);
  where.push(
    ...dateRange(sql, 't.created_at', query.created_at),
    ...dateRange(sql, 't.updated_at', query.updated_at),
  );
  const { field, direction } = resolved.order;
  return paged(
    sql,
    jsonObject('t', VALUE_COLUMNS),
    `catalog.${table} t`,
    where,
    `t.${field} ${direction}, t.id ${direction}`,
    offset,
    limit,
  );
}

/** A page of store categories (active, public), as flat records; relations are added from the tree. */
export function categoryPageQuery(
  query: ListCategoriesQuery,
  resolved: ResolvedQuery,
  offset: number,
  limit: number,
): SqlQuery {
  const sql = new SqlBuilder();
  const where = [STORE_CATEGORY];
  if (query.q) {
    const pattern = sql.param(containsPattern(query.q));
    where.push(`(pc.name ILIKE ${pattern} OR pc.handle ILIKE ${pattern})`);
  }
  if (query.handle !== undefined) where.push(`pc.handle = ${sql.param(query.handle)}`);
  if (query.parent_category_id === null) where.push('pc.parent_category_id IS NULL');
  else if (query.parent_category_id !== undefined)
    where.push(`pc.parent_category_id = ${sql.param(query.parent_category_id)}`);
  const { field, direction } = resolved.order;
  return paged(
    sql,
    jsonObject('pc', CATEGORY_COLUMNS),
    'catalog.product_category pc',
    where,
    `pc.${field} ${direction}, pc.id ${direction}`,
    offset,
    limit,
  );
}

/** Every store category, to build parents and children from. */
export const STORE_CATEGORIES: SqlQuery = {
  name: 'catalog.category.store-tree',
  text: `SELECT ${jsonObject('pc', CATEGORY_COLUMNS)} AS record FROM catalog.product_category pc WHERE ${STORE_CATEGORY}
         ORDER BY pc.rank, pc.id`,
  values: [],
};
