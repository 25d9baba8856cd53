import { AdminListProductsQuery } from '@app/contracts';
import { containsPattern, SqlBuilder, SqlQuery } from '@app/platform';
import { PRODUCT_QUERY } from '../products/product.query-config';
import { productJson } from '../products/product.sql';

/** The merchant sees every relation and every status; prices as set, not for a shopper. */
const ADMIN_RELATIONS = new Set(PRODUCT_QUERY.allowedRelations);
const NO_SHOPPER = { customer_group_ids: [] };

/** One product, any status, not deleted. */
export function adminProductByIdQuery(id: string): SqlQuery {
  const sql = new SqlBuilder();
  const json = productJson(sql, ADMIN_RELATIONS, NO_SHOPPER);
  return sql.query(
    `SELECT ${json} AS product FROM catalog.product p WHERE p.id = ${sql.param(id)} AND p.deleted_at IS NULL`,
  );
}

function conditions(sql: SqlBuilder, query: AdminListProductsQuery): string {
  const where = ['p.deleted_at IS NULL'];
  if (query.status?.length) where.push(`p.status = ANY(${sql.param(query.status)})`);
  if (query.q) {
    const pattern = sql.param(containsPattern(query.q));
    where.push(`(p.title ILIKE ${pattern} OR p.handle ILIKE ${pattern} OR p.description ILIKE ${pattern}
      OR EXISTS (SELECT 1 FROM catalog.product_variant fv WHERE fv.product_id = p.id AND fv.deleted_at IS NULL
        AND (fv.title ILIKE ${pattern} OR fv.sku ILIKE ${pattern})))`);
  }
  return where.join(' AND ');
}

/** A page of products, newest first. */
export function adminProductPageQuery(
  query: AdminListProductsQuery,
  offset: number,
  limit: number,
): SqlQuery {
  const sql = new SqlBuilder();
  const json = productJson(sql, ADMIN_RELATIONS, NO_SHOPPER);
  const where = conditions(sql, query);
  return sql.query(
    `SELECT ${json} AS product FROM catalog.product p WHERE ${where}
     ORDER BY p.created_at DESC, p.id DESC LIMIT ${sql.param(limit)} OFFSET ${sql.param(offset)}`,
  );
}

export function adminProductCountQuery(query: AdminListProductsQuery): SqlQuery {
  const sql = new SqlBuilder();
  return sql.query(`SELECT count(*)::int AS count FROM catalog.product p WHERE ${conditions(sql, query)}`);
}
