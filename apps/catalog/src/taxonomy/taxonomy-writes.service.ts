import { Injectable } from '@nestjs/common';
import {
  CatalogEvents,
  CategoryChanges,
  CollectionChanges,
  CreateCategoryRequest,
  CreateCollectionRequest,
  DeletedReply,
  TaxonomyKind,
  ValueInput,
  ValueKind,
} from '@app/contracts';
import { DomainError, newId, Outbox } from '@app/platform';
import { EntityManager } from 'typeorm';
import { handleOf } from '../admin-products/handle';
import { updateGiven } from '../sql/row-writes';

const VALUE_TABLES = { tag: 'catalog.product_tag', type: 'catalog.product_type' } as const;
const CATEGORY_FIELDS = [
  'name',
  'handle',
  'description',
  'is_internal',
  'is_active',
  'rank',
  'metadata',
] as const;

/**
 * The merchant's collections, categories, tags and types (Medusa v1 admin): created, changed,
 * deleted and assigned to products, each write with `events.catalog.taxonomy-changed`. A deleted
 * collection or type leaves its products without one; a category with subcategories cannot be deleted.
 * Duplicate handles and type values are the database's unique violations (422 `duplicate_error`).
 */
@Injectable()
export class TaxonomyWrites {
  constructor(private readonly outbox: Outbox) {}

  async createCollection(
    manager: EntityManager,
    request: CreateCollectionRequest,
    id = newId('pcol'),
  ): Promise<string> {
    await manager.query(
      'INSERT INTO catalog.product_collection (id, title, handle, metadata) VALUES ($1, $2, $3, $4)',
      [id, request.title, request.handle ?? handleOf(request.title, id), json(request.metadata)],
    );
    return this.changed(manager, 'collection', id);
  }

  async updateCollection(manager: EntityManager, id: string, changes: CollectionChanges): Promise<string> {
    await this.lock(manager, 'catalog.product_collection', id, 'Product collection');
    await updateGiven(manager, 'catalog.product_collection', id, changes, ['title', 'handle', 'metadata']);
    return this.changed(manager, 'collection', id);
  }

  async deleteCollection(manager: EntityManager, id: string): Promise<DeletedReply> {
    await manager.query('UPDATE catalog.product SET collection_id = NULL WHERE collection_id = $1', [id]);
    const deleted = await this.remove(manager, 'catalog.product_collection', id);
    if (deleted) await this.changed(manager, 'collection', id);
    return { id, object: 'product-collection', deleted: true };
  }

  /** Puts products in the collection (out of any other); 404 naming unknown products, and none moved. */
  async addToCollection(manager: EntityManager, id: string, productIds: string[]): Promise<string> {
    await this.lock(manager, 'catalog.product_collection', id, 'Product collection');
    await this.assertProducts(manager, productIds);
    await manager.query(
      'UPDATE catalog.product SET collection_id = $1, updated_at = now() WHERE id = ANY($2)',
      [id, productIds],
    );
    return this.changed(manager, 'collection', id);
  }

  async removeFromCollection(manager: EntityManager, id: string, productIds: string[]): Promise<string[]> {
    await this.lock(manager, 'catalog.product_collection', id, 'Product collection');
    const removed: { id: string }[] = await manager.query(
      `WITH removed AS (UPDATE catalog.product SET collection_id = NULL, updated_at = now()
                        WHERE collection_id = $1 AND id = ANY($2) RETURNING id)
       SELECT id FROM removed`,
      [id, productIds],
    );
    await this.changed(manager, 'collection', id);
    return removed.map((row) => row.id);
  }

  async createCategory(
    manager: EntityManager,
    request: CreateCategoryRequest,
    id = newId('pcat'),
  ): Promise<string> {
    const parent = await this.parentCategory(manager, request.parent_category_id ?? null);
    await manager.query(
      `INSERT INTO catalog.product_category
         (id, name, handle, description, mpath, is_active, is_internal, rank, parent_category_id, metadata)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [
        id,
        request.name,
        request.handle ?? handleOf(request.name, id),
        request.description ?? '',
        parent ? `${parent.mpath}.${id}` : id,
        request.is_active ?? true,
        request.is_internal ?? false,
        request.rank ?? 0,
        parent?.id ?? null,
        json(request.metadata),
      ],
    );
    return this.changed(manager, 'category', id);
  }

  /** Changes a category; a new parent moves it and its subtree (never under itself). */
  async updateCategory(manager: EntityManager, id: string, changes: CategoryChanges): Promise<string> {
    const { mpath } = await this.lock(manager, 'catalog.product_category', id, 'ProductCategory');
    await updateGiven(manager, 'catalog.product_category', id, changes, CATEGORY_FIELDS);
    if (changes.parent_category_id !== undefined) {
      const parent = await this.parentCategory(manager, changes.parent_category_id);
      if (parent && (parent.id === id || parent.mpath.startsWith(`${mpath}.`))) {
        throw DomainError.invalidData('A category cannot be moved under itself or its subcategories');
      }
      await manager.query('UPDATE catalog.product_category SET parent_category_id = $2 WHERE id = $1', [
        id,
        parent?.id ?? null,
      ]);
      await manager.query(
        `UPDATE catalog.product_category SET mpath = $2 || substr(mpath, length($1) + 1)
         WHERE mpath = $1 OR mpath LIKE $1 || '.%'`,
        [mpath, parent ? `${parent.mpath}.${id}` : id],
      );
    }
    return this.changed(manager, 'category', id);
  }

  /** Deletes a category without subcategories (Medusa refuses the others); its products lose it. */
  async deleteCategory(manager: EntityManager, id: string): Promise<DeletedReply> {
    const [child] = await manager.query(
      'SELECT 1 FROM catalog.product_category WHERE parent_category_id = $1 LIMIT 1',
      [id],
    );
    if (child) {
      throw DomainError.notAllowed(`Deleting ProductCategory (${id}) with category children is not allowed`);
    }
    if (await this.remove(manager, 'catalog.product_category', id))
      await this.changed(manager, 'category', id);
    return { id, object: 'product-category', deleted: true };
  }

  async addToCategory(manager: EntityManager, id: string, productIds: string[]): Promise<string> {
    await this.lock(manager, 'catalog.product_category', id, 'ProductCategory');
    await this.assertProducts(manager, productIds);
    await manager.query(
      `INSERT INTO catalog.product_category_product (product_category_id, product_id)
       SELECT $1, unnest($2::text[]) ON CONFLICT DO NOTHING`,
      [id, productIds],
    );
    return this.changed(manager, 'category', id);
  }

  async removeFromCategory(manager: EntityManager, id: string, productIds: string[]): Promise<string> {
    await this.lock(manager, 'catalog.product_category', id, 'ProductCategory');
    await manager.query(
      'DELETE FROM catalog.product_category_product WHERE product_category_id = $1 AND product_id = ANY($2)',
      [id, productIds],
    );
    return this.changed(manager, 'category', id);
  }

  async createValue(
    manager: EntityManager,
    kind: ValueKind,
    input: ValueInput,
    id = newId(kind === 'tag' ? 'ptag' : 'ptyp'),
  ): Promise<string> {
    await manager.query(`INSERT INTO ${VALUE_TABLES[kind]} (id, value, metadata) VALUES ($1, $2, $3)`, [
      id,
      input.value,
      json(input.metadata),
    ]);
    return this.changed(manager, kind, id);
  }

  async updateValue(manager: EntityManager, kind: ValueKind, id: string, input: ValueInput): Promise<string> {
    await this.lock(manager, VALUE_TABLES[kind], id, kind === 'tag' ? 'Product tag' : 'Product type');
    await updateGiven(manager, VALUE_TABLES[kind], id, input, ['value', 'metadata']);
    return this.changed(manager, kind, id);
  }

  /** Deletes a tag (products lose it) or a type (its products have none). */
  async deleteValue(manager: EntityManager, kind: ValueKind, id: string): Promise<DeletedReply> {
    if (kind === 'type')
      await manager.query('UPDATE catalog.product SET type_id = NULL WHERE type_id = $1', [id]);
    if (await this.remove(manager, VALUE_TABLES[kind], id)) await this.changed(manager, kind, id);
    return { id, object: kind === 'tag' ? 'product-tag' : 'product-type', deleted: true };
  }

  private async lock(
    manager: EntityManager,
    table: string,
    id: string,
    name: string,
  ): Promise<{ mpath: string }> {
    const columns = table === 'catalog.product_category' ? 'id, mpath' : 'id';
    const [row] = await manager.query(`SELECT ${columns} FROM ${table} WHERE id = $1 FOR UPDATE`, [id]);
    if (!row) throw DomainError.notFound(`${name} with id: ${id} was not found`);
    return row;
  }

  private async remove(manager: EntityManager, table: string, id: string): Promise<boolean> {
    const removed = await manager.query(
      `WITH removed AS (DELETE FROM ${table} WHERE id = $1 RETURNING id) SELECT id FROM removed`,
      [id],
    );
    return removed.length > 0;
  }

  private async parentCategory(manager: EntityManager, id: string | null) {
    if (!id) return undefined;
    const [parent] = await manager.query('SELECT id, mpath FROM catalog.product_category WHERE id = $1', [
      id,
    ]);
    if (!parent) throw DomainError.notFound(`Parent category with id: ${id} was not found`);
    return parent as { id: string; mpath: string };
  }

  private async assertProducts(manager: EntityManager, ids: string[]): Promise<void> {
    const found: { id: string }[] = await manager.query(
      'SELECT id FROM catalog.product WHERE id = ANY($1) AND deleted_at IS NULL',
      [ids],
    );
    const missing = ids.filter((id) => !found.some((row) => row.id === id));
    if (missing.length) throw DomainError.notFound(`Products with ids ${missing.join(', ')} were not found`);
  }

  private async changed(manager: EntityManager, kind: TaxonomyKind, id: string): Promise<string> {
    await this.outbox.record(manager, CatalogEvents.taxonomyChanged, { id }, { kind, id });
    return id;
  }
}

const json = (value: Record<string, unknown> | undefined) => (value ? JSON.stringify(value) : null);
