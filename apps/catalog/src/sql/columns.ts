/** The columns of the catalog's tables that the store API shows, in Medusa's order. */

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

export const TIMESTAMPED = ['created_at', 'updated_at', 'deleted_at'] as const;
export const OPTION_COLUMNS = ['id', 'title', 'product_id', ...TIMESTAMPED, 'metadata'] as const;
export const OPTION_VALUE_COLUMNS = [
  'id',
  'value',
  'option_id',
  'variant_id',
  ...TIMESTAMPED,
  'metadata',
] as const;
export const IMAGE_COLUMNS = ['id', 'url', ...TIMESTAMPED, 'metadata'] as const;
export const VALUE_COLUMNS = ['id', 'value', ...TIMESTAMPED, 'metadata'] as const;
export const COLLECTION_COLUMNS = ['id', 'title', 'handle', ...TIMESTAMPED, 'metadata'] as const;
export const PROFILE_COLUMNS = ['id', 'name', 'type', ...TIMESTAMPED, 'metadata'] as const;
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
export const MONEY_COLUMNS = [
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
export const PRICE_LIST_COLUMNS = [
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

/** Medusa's `SalesChannel`, as a cart shows it. */
export const SALES_CHANNEL_COLUMNS = [
  'id',
  ...TIMESTAMPED,
  'name',
  'description',
  'is_disabled',
  'metadata',
] as const;
