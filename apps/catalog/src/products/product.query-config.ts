import { QueryConfig } from '@app/platform';
import { PRODUCT_COLUMNS } from '../sql/columns';

const DEFAULT_RELATIONS = [
  'variants',
  'variants.prices',
  'variants.options',
  'options',
  'options.values',
  'images',
  'tags',
  'collection',
  'type',
  'profiles',
];

/** Medusa v1's store products route config (`store/products/index.ts`). */
export const PRODUCT_QUERY: QueryConfig = {
  defaultFields: PRODUCT_COLUMNS.filter((column) => column !== 'profile_id'),
  allowedFields: [...PRODUCT_COLUMNS, 'variants.title', 'variants.prices.amount'],
  defaultRelations: DEFAULT_RELATIONS,
  allowedRelations: [...DEFAULT_RELATIONS, 'categories'],
  isList: true,
};

/** The product route for one product: the same, but not a list. */
export const SINGLE_PRODUCT_QUERY: QueryConfig = { ...PRODUCT_QUERY, isList: false };

/** Every relation path of a product, to tell relations from fields. */
export const PRODUCT_RELATIONS = new Set(PRODUCT_QUERY.allowedRelations);

/** Medusa v1's store variants route config (`store/variants/index.ts`). */
export const VARIANT_RELATIONS = ['prices', 'options', 'product'];
