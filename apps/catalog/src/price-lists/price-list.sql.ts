import { ListPriceListsQuery } from '@app/contracts';
import { containsPattern, jsonArray, jsonObject, SqlBuilder, SqlQuery } from '@app/platform';
import { MONEY_COLUMNS, PRICE_LIST_COLUMNS } from '../sql/columns';

/** Price list `pl` as the admin shows it: its groups (by id) and its prices. */
const PRICE_LIST_JSON = jsonObject('pl', PRICE_LIST_COLUMNS, [
  `'customer_groups', ${jsonArray(
    `json_build_object('id', g.customer_group_id)`,
    'catalog.price_list_customer_groups g WHERE g.price_list_id = pl.id',
    'g.customer_group_id',
  )}`,
  `'prices', ${jsonArray(
    jsonObject('ma', MONEY_COLUMNS),
    'catalog.money_amount ma WHERE ma.price_list_id = pl.id AND ma.deleted_at IS NULL',
    'ma.variant_id, ma.currency_code, ma.min_quantity NULLS FIRST, ma.id',
  )}`,
]);

export function priceListByIdQuery(id: string): SqlQuery {
  return {
    name: 'catalog.price-list.by-id',
    text: `SELECT ${PRICE_LIST_JSON} AS price_list FROM catalog.price_list pl WHERE pl.id = $1 AND pl.deleted_at IS NULL`,
    values: [id],
  };
}

function conditions(sql: SqlBuilder, query: ListPriceListsQuery): string {
  const where = ['pl.deleted_at IS NULL'];
  if (query.status?.length) where.push(`pl.status = ANY(${sql.param(query.status)})`);
  if (query.type?.length) where.push(`pl.type = ANY(${sql.param(query.type)})`);
  if (query.q) {
    const pattern = sql.param(containsPattern(query.q));
    where.push(`(pl.name ILIKE ${pattern} OR pl.description ILIKE ${pattern})`);
  }
  return where.join(' AND ');
}

export function priceListPageQuery(query: ListPriceListsQuery, offset: number, limit: number): SqlQuery {
  const sql = new SqlBuilder();
  const where = conditions(sql, query);
  return sql.query(
    `SELECT ${PRICE_LIST_JSON} AS price_list FROM catalog.price_list pl WHERE ${where}
     ORDER BY pl.created_at DESC, pl.id DESC OFFSET ${sql.param(offset)} LIMIT ${sql.param(limit)}`,
  );
}

export function priceListCountQuery(query: ListPriceListsQuery): SqlQuery {
  const sql = new SqlBuilder();
  return sql.query(
    `SELECT count(*)::int AS count FROM catalog.price_list pl WHERE ${conditions(sql, query)}`,
  );
}
