import { QueryConfig } from '@app/platform';
import { CATEGORY_COLUMNS, VALUE_COLUMNS } from '../sql/columns';

/** Medusa v1's store product-tags and product-types route config. */
export const VALUE_QUERY: QueryConfig = {
  defaultFields: [...VALUE_COLUMNS],
  allowedFields: [...VALUE_COLUMNS],
  defaultRelations: [],
  allowedRelations: [],
  isList: true,
};

/** Medusa v1's store product-categories route config. */
export const CATEGORY_RELATIONS = ['parent_category', 'category_children'];
export const CATEGORY_QUERY: QueryConfig = {
  defaultFields: [...CATEGORY_COLUMNS],
  allowedFields: [...CATEGORY_COLUMNS],
  defaultRelations: CATEGORY_RELATIONS,
  allowedRelations: CATEGORY_RELATIONS,
  isList: true,
};

/** Medusa's default page sizes of these routes. */
export const DEFAULT_COLLECTION_PAGE_SIZE = 10;
export const DEFAULT_VALUE_PAGE_SIZE = 20;
export const DEFAULT_CATEGORY_PAGE_SIZE = 100;
