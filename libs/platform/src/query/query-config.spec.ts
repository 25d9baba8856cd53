import { QueryConfig, resolveQuery, selectFields } from './query-config';

const PRODUCTS: QueryConfig = {
  defaultFields: ['id', 'title', 'handle', 'created_at'],
  allowedFields: ['id', 'title', 'handle', 'created_at', 'profile_id', 'variants.title'],
  defaultRelations: ['variants', 'variants.prices', 'images'],
  allowedRelations: ['variants', 'variants.prices', 'images', 'tags'],
  isList: true,
};

const fieldsAt = (resolved: ReturnType<typeof resolveQuery>, path = '') =>
  [...(resolved.select?.get(path) ?? [])].sort();

describe("resolveQuery follows Medusa's prepareListQuery", () => {
  it('loads the default relations, all fields, newest first, when nothing is asked', () => {
    const resolved = resolveQuery({}, PRODUCTS);
    expect(resolved.select).toBeUndefined();
    expect([...resolved.relations]).toEqual(['variants', 'variants.prices', 'images']);
    expect(resolved.order).toEqual({ field: 'created_at', direction: 'DESC' });
  });

  it.each<[string, string[]]>([
    ['title', ['created_at', 'id', 'title']],
    ['+profile_id', ['created_at', 'handle', 'id', 'profile_id', 'title']],
    ['-handle', ['created_at', 'id', 'title']],
    ['title,-handle', ['created_at', 'id', 'title']],
  ])('fields=%s selects %j', (fields, expected) => {
    expect(fieldsAt(resolveQuery({ fields }, PRODUCTS))).toEqual(expected);
  });

  it('selects nested fields and loads their relation', () => {
    const resolved = resolveQuery({ fields: 'title,variants.title', expand: 'variants' }, PRODUCTS);
    expect(fieldsAt(resolved, 'variants')).toEqual(['id', 'title']);
    expect([...resolved.relations]).toEqual(['variants']);
  });

  it('lets expand replace the default relations', () => {
    expect([...resolveQuery({ expand: 'tags' }, PRODUCTS).relations]).toEqual(['tags']);
    expect([...resolveQuery({ expand: '' }, PRODUCTS).relations]).toEqual([]);
  });

  it.each([
    [{ expand: 'variants,secrets' }, 'Requested fields [secrets] are not valid'],
    [{ fields: 'title,password' }, 'Requested fields [password] are not valid'],
    [{ fields: 'titlex' }, 'Requested fields [titlex] are not valid'],
    [{ order: 'password' }, 'Order field password is not valid'],
    [{ order: '-variants.title' }, 'Order field variants.title is not valid'],
  ])('refuses %j with invalid_data', (shape, message) => {
    expect(() => resolveQuery(shape, PRODUCTS)).toThrow(
      expect.objectContaining({ type: 'invalid_data', message }),
    );
  });

  it.each([
    ['title', { field: 'title', direction: 'ASC' }],
    ['-title', { field: 'title', direction: 'DESC' }],
  ])('order=%s', (order, expected) => {
    expect(resolveQuery({ order }, PRODUCTS).order).toEqual(expected);
  });

  it('orders a single record route oldest first by default', () => {
    expect(resolveQuery({}, { ...PRODUCTS, isList: false }).order.direction).toBe('ASC');
  });
});

describe('selectFields', () => {
  const product = {
    id: 'p1',
    title: 'Tee',
    handle: 'tee',
    created_at: 't',
    variants: [{ id: 'v1', title: 'S', sku: 'TEE-S', prices: [{ id: 'ma1', amount: 100 }] }],
    images: [{ id: 'i1', url: 'u' }],
  };
  const relations = new Set(PRODUCTS.allowedRelations);

  it('keeps everything when no fields are selected', () => {
    expect(selectFields(product, undefined, relations)).toBe(product);
  });

  it('keeps the selected fields at each level and every loaded relation whole', () => {
    const resolved = resolveQuery({ fields: 'title,variants.title' }, PRODUCTS);
    expect(selectFields(product, resolved.select, relations)).toEqual({
      id: 'p1',
      title: 'Tee',
      created_at: 't',
      variants: [{ id: 'v1', title: 'S', prices: [{ id: 'ma1', amount: 100 }] }],
      images: [{ id: 'i1', url: 'u' }],
    });
  });
});
