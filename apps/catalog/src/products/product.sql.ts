import { ListProductsQuery, ListVariantsQuery, NumericComparison } from '@app/contracts';
import { ResolvedQuery } from '@app/platform';
import { dateRange, jsonArray, jsonObject, SqlBuilder, SqlQuery } from '../sql/sql-builder';

export const PRODUCT_COLUMNS = [
  'id',
  'title',
  'subtitle',
  'status',
  'external_id',
  'description',
  'handle',
  'is_giftcard',
  'discountable',
  'thumbnail',
  'collection_id',
  'type_id',
  'profile_id',
  'weight',
  'length',
  'height',
  'width',
  'hs_code',
  'origin_country',
  'mid_code',
  'material',
  'created_at',
  'updated_at',
  'deleted_at',
  'metadata',
] as const;

export const VARIANT_COLUMNS = [
  'id',
  'title',
  'product_id',
  'sku',
  'barcode',
  'ean',
  'upc',
  'variant_rank',
  'allow_backorder',
  'manage_inventory',
  'hs_code',
  'origin_country',
  'mid_code',
  'material',
  'weight',
  'length',
  'height',
  'width',
  'created_at',
  'updated_at',
  'deleted_at',
  'metadata',
] as const;

const TIMESTAMPED = ['created_at', 'updated_at', 'deleted_at'] as const;
const OPTION_COLUMNS = ['id', 'title', 'product_id', ...TIMESTAMPED, 'metadata'] as const;
const OPTION_VALUE_COLUMNS = ['id', 'value', 'option_id', 'variant_id', ...TIMESTAMPED, 'metadata'] as const;
const IMAGE_COLUMNS = ['id', 'url', ...TIMESTAMPED, 'metadata'] as const;
const VALUE_COLUMNS = ['id', 'value', ...TIMESTAMPED, 'metadata'] as const;
const COLLECTION_COLUMNS = ['id', 'title', 'handle', ...TIMESTAMPED, 'metadata'] as const;
const PROFILE_COLUMNS = ['id', 'name', 'type', ...TIMESTAMPED, 'metadata'] as const;
export const CATEGORY_COLUMNS = [
  'id',
  'name',
  'description',
  'handle',
  'mpath',
  'is_active',
  'is_internal',
  'rank',
  'parent_category_id',
  'created_at',
  'updated_at',
  'metadata',
] as const;
const MONEY_COLUMNS = [
  'id',
  'currency_code',
  'amount',
  'min_quantity',
  'max_quantity',
  'price_list_id',
  'variant_id',
  'region_id',
  ...TIMESTAMPED,
] as const;
const PRICE_LIST_COLUMNS = [
  'id',
  'name',
  'description',
  'type',
  'status',
  'starts_at',
  'ends_at',
  'includes_tax',
  ...TIMESTAMPED,
] as const;

/** Which prices a read shows: Medusa's `findManyForVariantsInRegion`. */
export interface PriceScope {
  region_id?: string;
  currency_code?: string;
  /** The customer's groups; price lists for other groups never apply. */
  customer_group_ids: string[];
}

/** Store categories: active and public only. */
export const STORE_CATEGORY = 'pc.is_active AND NOT pc.is_internal';

/**
 * The prices of variant `v` that apply in the scope: default prices and active, current price lists
 * for no group or the customer's groups, in the region or its currency when one is given. Each
 * carries its price list and whether it includes tax (dropped before it is shown).
 */
function pricesJson(sql: SqlBuilder, scope: PriceScope): string {
  const conditions = [
    'ma.variant_id = v.id',
    'ma.deleted_at IS NULL',
    `(ma.price_list_id IS NULL OR (pl.status = 'active' AND pl.deleted_at IS NULL
      AND (pl.starts_at IS NULL OR pl.starts_at < now()) AND (pl.ends_at IS NULL OR pl.ends_at > now())
      AND (NOT EXISTS (SELECT 1 FROM catalog.price_list_customer_groups g WHERE g.price_list_id = pl.id)
        OR EXISTS (SELECT 1 FROM catalog.price_list_customer_groups g
                   WHERE g.price_list_id = pl.id AND g.customer_group_id = ANY(${sql.param(scope.customer_group_ids)})))))`,
  ];
  const context = [
    scope.region_id ? `ma.region_id = ${sql.param(scope.region_id)}` : '',
    scope.currency_code ? `ma.currency_code = ${sql.param(scope.currency_code)}` : '',
  ].filter(Boolean);
  if (context.length) conditions.push(`(${context.join(' OR ')})`);
  const price = jsonObject('ma', MONEY_COLUMNS, [
    `'price_list', CASE WHEN pl.id IS NULL THEN NULL ELSE ${jsonObject('pl', PRICE_LIST_COLUMNS)} END`,
    `'includes_tax', COALESCE(pl.includes_tax, false) OR COALESCE(pr.includes_tax, false) OR cur.includes_tax`,
  ]);
  return jsonArray(
    price,
    `catalog.money_amount ma
     LEFT JOIN catalog.price_list pl ON pl.id = ma.price_list_id
     LEFT JOIN catalog.region pr ON pr.id = ma.region_id
     JOIN catalog.currency cur ON cur.code = ma.currency_code
     WHERE ${conditions.join(' AND ')}`,
    'ma.amount, ma.id',
  );
}

/** Variant `v` (joined with its inventory level `l`), with the relations asked for. */
export function variantJson(
  sql: SqlBuilder,
  relations: { prices: boolean; options: boolean; product: boolean },
  scope: PriceScope,
): string {
  const extra = [
    `'inventory_quantity', COALESCE(l.stocked_quantity - l.reserved_quantity, 0)`,
    `'purchasable', (NOT v.manage_inventory OR v.allow_backorder OR COALESCE(l.stocked_quantity - l.reserved_quantity, 0) > 0)`,
  ];
  if (relations.prices) extra.push(`'prices', ${pricesJson(sql, scope)}`);
  if (relations.options) {
    extra.push(
      `'options', ${jsonArray(
        jsonObject('ov', OPTION_VALUE_COLUMNS),
        `catalog.product_option_value ov JOIN catalog.product_option o ON o.id = ov.option_id
         WHERE ov.variant_id = v.id AND ov.deleted_at IS NULL`,
        'o.rank, ov.id',
      )}`,
    );
  }
  if (relations.product) {
    extra.push(
      `'product', (SELECT ${jsonObject('vp', PRODUCT_COLUMNS)} FROM catalog.product vp WHERE vp.id = v.product_id)`,
    );
  }
  return jsonObject('v', VARIANT_COLUMNS, extra);
}

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

/** Medusa's free-text product search: title, subtitle, description, handle, variant title or SKU. */
function freeText(sql: SqlBuilder, q: string): string {
  const pattern = sql.param(`%${q.replace(/[\\%_]/g, (char) => `\\${char}`)}%`);
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
    `SELECT ${json} AS product FROM catalog.product p WHERE p.id = ${sql.param(id)} AND p.status = 'published' AND p.deleted_at IS NULL`,
  );
}

/** Variants of published products, as JSON with the relations asked for. */
export function variantPageQuery(
  query: ListVariantsQuery,
  relations: Set<string>,
  scope: PriceScope,
  offset: number,
  limit: number,
): SqlQuery {
  const sql = new SqlBuilder();
  const json = variantJson(
    sql,
    { prices: relations.has('prices'), options: relations.has('options'), product: relations.has('product') },
    scope,
  );
  const conditions = ['v.deleted_at IS NULL', "p.status = 'published'", 'p.deleted_at IS NULL'];
  const ids = [...(query.ids?.split(',').filter(Boolean) ?? []), ...(query.id ?? [])];
  if (ids.length) conditions.push(`v.id = ANY(${sql.param(ids)})`);
  if (query.title?.length) conditions.push(`v.title = ANY(${sql.param(query.title)})`);
  if (query.inventory_quantity !== undefined)
    conditions.push(...inventoryCondition(sql, query.inventory_quantity));
  return sql.query(
    `SELECT ${json} AS variant
     FROM catalog.product_variant v JOIN catalog.product p ON p.id = v.product_id
     LEFT JOIN catalog.inventory_level l ON l.variant_id = v.id
     WHERE ${conditions.join(' AND ')}
     ORDER BY v.created_at DESC, v.id DESC LIMIT ${sql.param(limit)} OFFSET ${sql.param(offset)}`,
  );
}

function inventoryCondition(sql: SqlBuilder, filter: number | NumericComparison): string[] {
  const available = 'COALESCE(l.stocked_quantity - l.reserved_quantity, 0)';
  if (typeof filter === 'number') return [`${available} = ${sql.param(filter)}`];
  const operators = { lt: '<', gt: '>', lte: '<=', gte: '>=' } as const;
  return (Object.keys(operators) as (keyof typeof operators)[])
    .filter((key) => filter[key] !== undefined)
    .map((key) => `${available} ${operators[key]} ${sql.param(filter[key])}`);
}
