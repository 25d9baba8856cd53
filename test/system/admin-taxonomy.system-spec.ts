import { DemoProductIds as P } from '@app/contracts';
import request from 'supertest';
import { adminHeaders } from '../support/admin';
import { recordedEvents } from '../support/outbox';
import { Json } from '../support/store-carts';
import { createTestEnvironment, TestEnvironment } from '../support/test-environment';

const NO_PRODUCT = 'prod_01NOPE00000000000000000000';

/**
 * The merchant's collections, categories, tags and types (Medusa v1 admin paths): created, changed,
 * deleted and assigned to products in batches, as the store then shows them; bad input moves nothing.
 */
describe('admin collections, categories, tags and types', () => {
  let env: TestEnvironment;
  let gateway: string;
  let admin: Record<string, string>;
  const storeProductIds = async (query: string): Promise<string[]> =>
    ((await request(gateway).get(`/store/products?${query}`).expect(200)).body.products as Json[])
      .map((product) => product.id)
      .sort();

  beforeAll(async () => {
    env = await createTestEnvironment({ apps: ['catalog', 'customer', 'gateway'], freshDatabase: true });
    gateway = env.url('gateway');
    admin = await adminHeaders(gateway);
  });
  afterAll(() => env.close());

  it('serves only the merchant', async () => {
    await request(gateway).post('/admin/collections').send({ title: 'Nope' }).expect(401);
    await request(gateway).get('/admin/product-categories').expect(401);
    await request(gateway).delete('/admin/product-tags/ptag_x').expect(401);
  });

  it('creates a collection, fills it in batches, and deletes it leaving its products without one', async () => {
    const created = await request(gateway)
      .post('/admin/collections')
      .set(admin)
      .send({ title: 'Autumn Edit', metadata: { season: 'autumn' } })
      .expect(200);
    const collection = created.body.collection;
    expect(collection).toMatchObject({ title: 'Autumn Edit', handle: 'autumn-edit', products: [] });
    const duplicate = await request(gateway)
      .post('/admin/collections')
      .set(admin)
      .send({ title: 'Autumn Edit' });
    expect(duplicate.status).toBe(422);
    expect(duplicate.body.type).toBe('duplicate_error');

    const batch = `/admin/collections/${collection.id}/products/batch`;
    await request(gateway)
      .post(batch)
      .set(admin)
      .send({ product_ids: [P.classicTee, NO_PRODUCT] })
      .expect(404);
    expect(await storeProductIds(`collection_id[]=${collection.id}`)).toEqual([]);
    const filled = await request(gateway)
      .post(batch)
      .set(admin)
      .send({ product_ids: [P.classicTee, P.stonewareMug] })
      .expect(200);
    expect(filled.body.collection.products.map((product: Json) => product.id).sort()).toEqual(
      [P.classicTee, P.stonewareMug].sort(),
    );
    expect(await storeProductIds(`collection_id[]=${collection.id}`)).toEqual(
      [P.classicTee, P.stonewareMug].sort(),
    );

    const removed = await request(gateway)
      .delete(batch)
      .set(admin)
      .send({ product_ids: [P.stonewareMug] })
      .expect(200);
    expect(removed.body).toEqual({
      id: collection.id,
      object: 'product-collection',
      removed_products: [P.stonewareMug],
    });
    const renamed = await request(gateway)
      .post(`/admin/collections/${collection.id}`)
      .set(admin)
      .send({ title: 'Autumn Picks' })
      .expect(200);
    expect(renamed.body.collection).toMatchObject({ title: 'Autumn Picks', handle: 'autumn-edit' });
    // Created, filled, emptied of one product, renamed: the refused batch recorded nothing.
    expect(await recordedEvents(env, 'catalog', collection.id)).toEqual(
      Array(4).fill('events.catalog.taxonomy-changed'),
    );

    const deleted = await request(gateway)
      .delete(`/admin/collections/${collection.id}`)
      .set(admin)
      .expect(200);
    expect(deleted.body).toEqual({ id: collection.id, object: 'product-collection', deleted: true });
    await request(gateway).get(`/admin/collections/${collection.id}`).set(admin).expect(404);
    const tee = await request(gateway).get(`/store/products/${P.classicTee}`).expect(200);
    expect(tee.body.product.collection_id).toBeNull();

    // A product's collection is set and unset (null) through the product too.
    const winter = (
      await request(gateway).post('/admin/collections').set(admin).send({ title: 'Winter' }).expect(200)
    ).body.collection;
    const product = (collection_id: string | null) =>
      request(gateway).post(`/admin/products/${P.classicTee}`).set(admin).send({ collection_id }).expect(200);
    expect((await product(winter.id)).body.product.collection_id).toBe(winter.id);
    expect(await storeProductIds(`collection_id[]=${winter.id}`)).toEqual([P.classicTee]);
    expect((await product(null)).body.product.collection_id).toBeNull();
    expect(await storeProductIds(`collection_id[]=${winter.id}`)).toEqual([]);
  });

  it('builds a category tree, moves a subtree, keeps internal ones out of the store, and deletes leaves only', async () => {
    const create = async (body: object) =>
      (await request(gateway).post('/admin/product-categories').set(admin).send(body).expect(200)).body
        .product_category as Json;
    const kitchen = await create({ name: 'Home Goods' });
    const drinkware = await create({ name: 'Tumblers', parent_category_id: kitchen.id });
    const staff = await create({ name: 'Backroom', is_internal: true });
    expect(drinkware).toMatchObject({
      handle: 'tumblers',
      parent_category_id: kitchen.id,
      mpath: `${kitchen.id}.${drinkware.id}`,
      parent_category: { id: kitchen.id },
    });

    const admins = await request(gateway).get('/admin/product-categories?q=backroom').set(admin).expect(200);
    expect(admins.body.product_categories.map((category: Json) => category.id)).toEqual([staff.id]);
    const store = await request(gateway).get('/store/product-categories?q=backroom').expect(200);
    expect(store.body.product_categories).toEqual([]);

    await request(gateway)
      .post(`/admin/product-categories/${drinkware.id}/products/batch`)
      .set(admin)
      .send({ product_ids: [{ id: P.stonewareMug }] })
      .expect(200);
    expect(await storeProductIds(`category_id[]=${drinkware.id}`)).toEqual([P.stonewareMug]);

    const refused = await request(gateway)
      .post(`/admin/product-categories/${kitchen.id}`)
      .set(admin)
      .send({ parent_category_id: drinkware.id });
    expect(refused.status).toBe(400);
    const moved = await request(gateway)
      .post(`/admin/product-categories/${drinkware.id}`)
      .set(admin)
      .send({ parent_category_id: staff.id, name: 'Cups' })
      .expect(200);
    expect(moved.body.product_category).toMatchObject({
      name: 'Cups',
      parent_category_id: staff.id,
      mpath: `${staff.id}.${drinkware.id}`,
    });

    const notLeaf = await request(gateway).delete(`/admin/product-categories/${staff.id}`).set(admin);
    expect(notLeaf.status).toBe(400);
    expect(notLeaf.body.type).toBe('not_allowed');
    await request(gateway)
      .delete(`/admin/product-categories/${drinkware.id}/products/batch`)
      .set(admin)
      .send({ product_ids: [{ id: P.stonewareMug }] })
      .expect(200);
    expect(await storeProductIds(`category_id[]=${drinkware.id}`)).toEqual([]);
    const deleted = await request(gateway)
      .delete(`/admin/product-categories/${drinkware.id}`)
      .set(admin)
      .expect(200);
    expect(deleted.body).toEqual({ id: drinkware.id, object: 'product-category', deleted: true });
    await request(gateway).get(`/admin/product-categories/${drinkware.id}`).set(admin).expect(404);
  });

  it('creates, renames and deletes tags and types, which products then lose', async () => {
    const type = (
      await request(gateway).post('/admin/product-types').set(admin).send({ value: 'Ceramics' }).expect(200)
    ).body.product_type;
    expect(type).toMatchObject({ id: expect.stringMatching(/^ptyp_/), value: 'Ceramics' });
    const tag = (
      await request(gateway).post('/admin/product-tags').set(admin).send({ value: 'handmade' }).expect(200)
    ).body.product_tag;
    await request(gateway)
      .post(`/admin/products/${P.stonewareMug}`)
      .set(admin)
      .send({ type: { value: 'Ceramics' }, tags: [{ value: 'handmade' }] })
      .expect(200);
    const renamed = await request(gateway)
      .post(`/admin/product-tags/${tag.id}`)
      .set(admin)
      .send({ value: 'hand-made' })
      .expect(200);
    expect(renamed.body.product_tag).toMatchObject({ id: tag.id, value: 'hand-made' });
    let mug = (await request(gateway).get(`/store/products/${P.stonewareMug}`).expect(200)).body.product;
    expect(mug.type).toMatchObject({ id: type.id, value: 'Ceramics' });
    expect(mug.tags.map((t: Json) => t.value)).toEqual(['hand-made']);
    const listed = await request(gateway).get('/admin/product-types?value[]=Ceramics').set(admin).expect(200);
    expect(listed.body.product_types.map((t: Json) => t.id)).toEqual([type.id]);

    const deletedType = await request(gateway)
      .delete(`/admin/product-types/${type.id}`)
      .set(admin)
      .expect(200);
    expect(deletedType.body).toEqual({ id: type.id, object: 'product-type', deleted: true });
    await request(gateway).delete(`/admin/product-tags/${tag.id}`).set(admin).expect(200);
    mug = (await request(gateway).get(`/store/products/${P.stonewareMug}`).expect(200)).body.product;
    expect(mug.type_id).toBeNull();
    expect(mug.tags).toEqual([]);
    await request(gateway).post(`/admin/product-tags/${tag.id}`).set(admin).send({ value: 'x' }).expect(404);
  });
});
