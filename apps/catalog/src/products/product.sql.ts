import { ListProductsQuery } from '@app/contracts';
import {
  containsPattern,
  dateRange,
  jsonArray,
  jsonObject,
  ResolvedQuery,
  SqlBuilder,
  SqlQuery,
} from '@app/platform';
import {
  CATEGORY_COLUMNS,
  COLLECTION_COLUMNS,
  IMAGE_COLUMNS,
  OPTION_COLUMNS,
  OPTION_VALUE_COLUMNS,
  PRODUCT_COLUMNS,
  PROFILE_COLUMNS,
  VALUE_COLUMNS,
} from '../sql/columns';
import { salesChannelIds } from '../sales-channels/sales-channel.sql';
import { PriceScope, variantJson } from './variant.sql';

/** Store categories: active and public only. */
export const STORE_CATEGORY = 'pc.is_active AND NOT pc.is_internal';

/** Product `p` as JSON with the relations of `relations` (Medusa's names). */
export function productJson(sql: SqlBuilder, relations: Set<string>, scope: PriceScope): string {
  const extra: string[] = [];
  const has = (relation: string) => relations.has(relation);
  if (has('variants')) {
    const variant = variantJson(
      sql,
      { prices: has('variants.prices'), options: has('variants.options'), product: false },
      scope,
    );
    extra.push(
      `'variants', ${jsonArray(
        variant,
        `catalog.product_variant v LEFT JOIN catalog.inventory_level l ON l.variant_id = v.id
         WHERE v.product_id = p.id AND v.deleted_at IS NULL`,
        'v.variant_rank, v.id',
      )}`,
    );
  }
  if (has('options')) {
    const values = has('options.values')
      ? [
          `'values', ${jsonArray(
            jsonObject('ov', OPTION_VALUE_COLUMNS),
            `catalog.product_option_value ov JOIN catalog.product_variant ovv ON ovv.id = ov.variant_id
             WHERE ov.option_id = o.id AND ov.deleted_at IS NULL AND ovv.deleted_at IS NULL`,
            'ovv.variant_rank, ov.id',
          )}`,
        ]
      : [];
    extra.push(
      `'options', ${jsonArray(jsonObject('o', OPTION_COLUMNS, values), 'catalog.product_option o WHERE o.product_id = p.id AND o.deleted_at IS NULL', 'o.rank, o.id')}`,
    );
  }
  if (has('images')) {
    extra.push(
      `'images', ${jsonArray(
        jsonObject('i', IMAGE_COLUMNS),
        'catalog.product_images pi JOIN catalog.image i ON i.id = pi.image_id WHERE pi.product_id = p.id AND i.deleted_at IS NULL',
        'pi.rank, i.id',
      )}`,
    );
  }
  if (has('tags')) {
    extra.push(
      `'tags', ${jsonArray(
        jsonObject('t', VALUE_COLUMNS),
        'catalog.product_tags pt JOIN catalog.product_tag t ON t.id = pt.product_tag_id WHERE pt.product_id = p.id AND t.deleted_at IS NULL',
        't.value',
      )}`,
    );
  }
  if (has('collection')) {
    extra.push(
      `'collection', (SELECT ${jsonObject('c', COLLECTION_COLUMNS)} FROM catalog.product_collection c WHERE c.id = p.collection_id)`,
    );
  }
  if (has('type')) {
    extra.push(
      `'type', (SELECT ${jsonObject('pt2', VALUE_COLUMNS)} FROM catalog.product_type pt2 WHERE pt2.id = p.type_id)`,
    );
  }
  if (has('profiles')) {
    extra.push(
      `'profiles', ${jsonArray(jsonObject('sp', PROFILE_COLUMNS), 'catalog.shipping_profile sp WHERE sp.id = p.profile_id', 'sp.id')}`,
    );
  }
  if (has('categories')) {
    extra.push(
      `'categories', ${jsonArray(
        jsonObject('pc', CATEGORY_COLUMNS, [`'category_children', ${categoryChildren('pc')}`]),
        `catalog.product_category_product pcp JOIN catalog.product_category pc ON pc.id = pcp.product_category_id
         WHERE pcp.product_id = p.id AND ${STORE_CATEGORY}`,
        'pc.rank, pc.id',
      )}`,
    );
  }
  return jsonObject('p', PRODUCT_COLUMNS, extra);
}

/** The store children of category `alias`, one level deep. */
export function categoryChildren(alias: string): string {
  return jsonArray(
    jsonObject('child', CATEGORY_COLUMNS),
    `catalog.product_category child WHERE child.parent_category_id = ${alias}.id AND child.is_active AND NOT child.is_internal`,
    'child.rank, child.id',
  );
}

/** Medusa's store product filters: published, not deleted, then what the query asks. */
export function productConditions(sql: SqlBuilder, query: ListProductsQuery): string[] {
  const conditions = ["p.status = 'published'", 'p.deleted_at IS NULL'];
  const any = (column: string, values: string[] | undefined) => {
    if (values?.length) conditions.push(`${column} = ANY(${sql.param(values)})`);
  };
  any('p.id', query.id);
  conditions.push(soldIn(sql, query.sales_channel_id));
  any('p.collection_id', query.collection_id);
  any('p.type_id', query.type_id);
  if (query.tags?.length) {
    conditions.push(
      `EXISTS (SELECT 1 FROM catalog.product_tags ft WHERE ft.product_id = p.id AND ft.product_tag_id = ANY(${sql.param(query.tags)}))`,
    );
  }
  if (query.category_id?.length) {
    const ids = sql.param(query.category_id);
    const matches = query.include_category_children
      ? `EXISTS (SELECT 1 FROM catalog.product_category root WHERE root.id = ANY(${ids})
           AND (pc.id = root.id OR pc.mpath LIKE root.mpath || '.%'))`
      : `pc.id = ANY(${ids})`;
    conditions.push(
      `EXISTS (SELECT 1 FROM catalog.product_category_product fc JOIN catalog.product_category pc ON pc.id = fc.product_category_id
        WHERE fc.product_id = p.id AND ${STORE_CATEGORY} AND ${matches})`,
    );
  }
  for (const column of ['title', 'description', 'handle'] as const) {
    if (query[column] !== undefined) conditions.push(`p.${column} = ${sql.param(query[column])}`);
  }
  if (query.is_giftcard !== undefined) conditions.push(`p.is_giftcard = ${sql.param(query.is_giftcard)}`);
  if (query.q) conditions.push(freeText(sql, query.q));
  conditions.push(
    ...dateRange(sql, 'p.created_at', query.created_at),
    ...dateRange(sql, 'p.updated_at', query.updated_at),
  );
  return conditions;
}

/** Product `p` is sold in one of `channels`, or in the store's default channel when none are given. */
function soldIn(sql: SqlBuilder, channels: string[] | undefined): string {
  const channel = channels?.length
    ? `psc.sales_channel_id = ANY(${sql.param(channels)})`
    : 'psc.sales_channel_id = (SELECT id FROM catalog.sales_channel WHERE is_default)';
  return `EXISTS (SELECT 1 FROM catalog.product_sales_channel psc WHERE psc.product_id = p.id AND ${channel})`;
}

/** Medusa's free-text product search: title, subtitle, description, handle, variant title or SKU. */
function freeText(sql: SqlBuilder, q: string): string {
  const pattern = sql.param(containsPattern(q));
  return `(p.title ILIKE ${pattern} OR p.subtitle ILIKE ${pattern} OR p.description ILIKE ${pattern} OR p.handle ILIKE ${pattern}
    OR EXISTS (SELECT 1 FROM catalog.product_variant fv WHERE fv.product_id = p.id AND fv.deleted_at IS NULL
      AND (fv.title ILIKE ${pattern} OR fv.sku ILIKE ${pattern})))`;
}

/** A page of products as JSON, in the resolved order (ties broken by id). */
export function productPageQuery(
  query: ListProductsQuery,
  resolved: ResolvedQuery,
  scope: PriceScope,
  offset: number,
  limit: number,
): SqlQuery {
  const sql = new SqlBuilder();
  const json = productJson(sql, resolved.relations, scope);
  const where = productConditions(sql, query).join(' AND ');
  const { field, direction } = resolved.order;
  return sql.query(
    `SELECT ${json} AS product FROM catalog.product p WHERE ${where}
     ORDER BY p.${field} ${direction} NULLS LAST, p.id ${direction} LIMIT ${sql.param(limit)} OFFSET ${sql.param(offset)}`,
  );
}

export function productCountQuery(query: ListProductsQuery): SqlQuery {
  const sql = new SqlBuilder();
  return sql.query(
    `SELECT count(*)::int AS count FROM catalog.product p WHERE ${productConditions(sql, query).join(' AND ')}`,
  );
}

export function productByIdQuery(id: string, relations: Set<string>, scope: PriceScope): SqlQuery {
  const sql = new SqlBuilder();
  const json = productJson(sql, relations, scope);
  return sql.query(
    `SELECT ${json} AS product, ${salesChannelIds('p')} AS sales_channel_ids
     FROM catalog.product p WHERE p.id = ${sql.param(id)} AND p.status = 'published' AND p.deleted_at IS NULL`,
  );
}
