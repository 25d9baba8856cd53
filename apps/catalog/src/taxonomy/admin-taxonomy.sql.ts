import { AdminListCategoriesQuery } from '@app/contracts';
import { containsPattern, jsonArray, jsonObject, SqlBuilder, SqlQuery } from '@app/platform';
import { CATEGORY_COLUMNS, COLLECTION_COLUMNS, PRODUCT_COLUMNS, VALUE_COLUMNS } from '../sql/columns';

/** Category `pc` as the admin shows it, internal and inactive ones too: with its parent, children and theirs. */
const ADMIN_CATEGORY_JSON = jsonObject('pc', CATEGORY_COLUMNS, [
  `'parent_category', (SELECT ${jsonObject('parent', CATEGORY_COLUMNS)} FROM catalog.product_category parent
                       WHERE parent.id = pc.parent_category_id)`,
  `'category_children', ${jsonArray(
    jsonObject('child', CATEGORY_COLUMNS, [
      `'category_children', ${jsonArray(
        jsonObject('grandchild', CATEGORY_COLUMNS),
        'catalog.product_category grandchild WHERE grandchild.parent_category_id = child.id',
        'grandchild.rank, grandchild.id',
      )}`,
    ]),
    'catalog.product_category child WHERE child.parent_category_id = pc.id',
    'child.rank, child.id',
  )}`,
]);

export function adminCategoryByIdQuery(id: string): SqlQuery {
  return {
    name: 'catalog.category.admin-by-id',
    text: `SELECT ${ADMIN_CATEGORY_JSON} AS record FROM catalog.product_category pc WHERE pc.id = $1`,
    values: [id],
  };
}

export function adminCategoryPageQuery(
  query: AdminListCategoriesQuery,
  offset: number,
  limit: number,
): SqlQuery {
  const sql = new SqlBuilder();
  const where = ['true'];
  if (query.q) {
    const pattern = sql.param(containsPattern(query.q));
    where.push(`(pc.name ILIKE ${pattern} OR pc.handle ILIKE ${pattern})`);
  }
  if (query.handle) where.push(`pc.handle = ${sql.param(query.handle)}`);
  if (query.parent_category_id === 'null') where.push('pc.parent_category_id IS NULL');
  else if (query.parent_category_id)
    where.push(`pc.parent_category_id = ${sql.param(query.parent_category_id)}`);
  return sql.query(
    `SELECT ${ADMIN_CATEGORY_JSON} AS record, count(*) OVER ()::int AS total
     FROM catalog.product_category pc WHERE ${where.join(' AND ')}
     ORDER BY pc.rank, pc.created_at, pc.id LIMIT ${sql.param(limit)} OFFSET ${sql.param(offset)}`,
  );
}

/** Collection `c` as the admin shows it: with its live products. */
export function adminCollectionByIdQuery(id: string): SqlQuery {
  const products = jsonArray(
    jsonObject('p', PRODUCT_COLUMNS),
    'catalog.product p WHERE p.collection_id = c.id AND p.deleted_at IS NULL',
    'p.created_at, p.id',
  );
  return {
    name: 'catalog.collection.admin-by-id',
    text: `SELECT ${jsonObject('c', COLLECTION_COLUMNS, [`'products', ${products}`])} AS record
           FROM catalog.product_collection c WHERE c.id = $1 AND c.deleted_at IS NULL`,
    values: [id],
  };
}

export function valueByIdQuery(table: 'product_tag' | 'product_type', id: string): SqlQuery {
  return {
    name: `catalog.${table}.by-id`,
    text: `SELECT ${jsonObject('t', VALUE_COLUMNS)} AS record FROM catalog.${table} t WHERE t.id = $1 AND t.deleted_at IS NULL`,
    values: [id],
  };
}
