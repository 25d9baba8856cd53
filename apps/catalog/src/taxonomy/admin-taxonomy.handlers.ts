import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  AdminListCategoriesQuery,
  ByIdRequest,
  CatalogCommands,
  CategoryList,
  CategoryProductsRequest,
  CategoryReply,
  CollectionProductsRemoved,
  CollectionProductsRequest,
  CollectionReply,
  CreateCategoryRequest,
  CreateCollectionRequest,
  CreateValueRequest,
  DeletedReply,
  TaxonomyRecord,
  UpdateCategoryRequest,
  UpdateCollectionRequest,
  UpdateValueRequest,
  ValueRef,
} from '@app/contracts';
import { DomainError, Idempotency, PreparedStatements, SqlQuery } from '@app/platform';
import { EntityManager } from 'typeorm';
import {
  adminCategoryByIdQuery,
  adminCategoryPageQuery,
  adminCollectionByIdQuery,
  valueByIdQuery,
} from './admin-taxonomy.sql';
import { TaxonomyWrites } from './taxonomy-writes.service';

const VALUE_TABLES = { tag: 'product_tag', type: 'product_type' } as const;

/**
 * The merchant's collection, category, tag and type commands: reads see internal and inactive
 * categories too; writes run once per Idempotency-Key and answer the record as it then is.
 */
@Controller()
export class AdminTaxonomyHandlers {
  constructor(
    private readonly writes: TaxonomyWrites,
    private readonly idempotency: Idempotency,
    private readonly db: PreparedStatements,
  ) {}

  @MessagePattern(CatalogCommands.adminGetCollection.subject)
  async getCollection(@Payload() request: ByIdRequest): Promise<CollectionReply> {
    return {
      collection: await this.read(adminCollectionByIdQuery(request.id), 'Product collection', request.id),
    };
  }

  @MessagePattern(CatalogCommands.createCollection.subject)
  createCollection(@Payload() request: CreateCollectionRequest): Promise<CollectionReply> {
    return this.write(CatalogCommands.createCollection.subject, request, async (manager) => ({
      collection: await this.readIn(
        manager,
        adminCollectionByIdQuery(await this.writes.createCollection(manager, request)),
      ),
    }));
  }

  @MessagePattern(CatalogCommands.updateCollection.subject)
  updateCollection(@Payload() { id, ...changes }: UpdateCollectionRequest): Promise<CollectionReply> {
    return this.write(CatalogCommands.updateCollection.subject, { id, ...changes }, async (manager) => ({
      collection: await this.readIn(
        manager,
        adminCollectionByIdQuery(await this.writes.updateCollection(manager, id, changes)),
      ),
    }));
  }

  @MessagePattern(CatalogCommands.deleteCollection.subject)
  deleteCollection(@Payload() request: ByIdRequest): Promise<DeletedReply> {
    return this.write(CatalogCommands.deleteCollection.subject, request, (manager) =>
      this.writes.deleteCollection(manager, request.id),
    );
  }

  @MessagePattern(CatalogCommands.addCollectionProducts.subject)
  addCollectionProducts(@Payload() request: CollectionProductsRequest): Promise<CollectionReply> {
    return this.write(CatalogCommands.addCollectionProducts.subject, request, async (manager) => ({
      collection: await this.readIn(
        manager,
        adminCollectionByIdQuery(await this.writes.addToCollection(manager, request.id, request.product_ids)),
      ),
    }));
  }

  @MessagePattern(CatalogCommands.removeCollectionProducts.subject)
  removeCollectionProducts(
    @Payload() request: CollectionProductsRequest,
  ): Promise<CollectionProductsRemoved> {
    return this.write(CatalogCommands.removeCollectionProducts.subject, request, async (manager) => ({
      id: request.id,
      object: 'product-collection' as const,
      removed_products: await this.writes.removeFromCollection(manager, request.id, request.product_ids),
    }));
  }

  @MessagePattern(CatalogCommands.adminListCategories.subject)
  async listCategories(@Payload() query: AdminListCategoriesQuery): Promise<CategoryList> {
    const offset = query.offset ?? 0;
    const limit = query.limit ?? 100;
    const rows = await this.db.rows<{ record: TaxonomyRecord; total: number }>(
      adminCategoryPageQuery(query, offset, limit),
    );
    const count = rows[0]?.total ?? (offset > 0 ? await this.categoryCount(query) : 0);
    return { product_categories: rows.map((row) => row.record), count, offset, limit };
  }

  @MessagePattern(CatalogCommands.adminGetCategory.subject)
  async getCategory(@Payload() request: ByIdRequest): Promise<CategoryReply> {
    return {
      product_category: await this.read(adminCategoryByIdQuery(request.id), 'ProductCategory', request.id),
    };
  }

  @MessagePattern(CatalogCommands.createCategory.subject)
  createCategory(@Payload() request: CreateCategoryRequest): Promise<CategoryReply> {
    return this.write(CatalogCommands.createCategory.subject, request, async (manager) => ({
      product_category: await this.readIn(
        manager,
        adminCategoryByIdQuery(await this.writes.createCategory(manager, request)),
      ),
    }));
  }

  @MessagePattern(CatalogCommands.updateCategory.subject)
  updateCategory(@Payload() { id, ...changes }: UpdateCategoryRequest): Promise<CategoryReply> {
    return this.write(CatalogCommands.updateCategory.subject, { id, ...changes }, async (manager) => ({
      product_category: await this.readIn(
        manager,
        adminCategoryByIdQuery(await this.writes.updateCategory(manager, id, changes)),
      ),
    }));
  }

  @MessagePattern(CatalogCommands.deleteCategory.subject)
  deleteCategory(@Payload() request: ByIdRequest): Promise<DeletedReply> {
    return this.write(CatalogCommands.deleteCategory.subject, request, (manager) =>
      this.writes.deleteCategory(manager, request.id),
    );
  }

  @MessagePattern(CatalogCommands.addCategoryProducts.subject)
  addCategoryProducts(@Payload() request: CategoryProductsRequest): Promise<CategoryReply> {
    const ids = request.product_ids.map((product) => product.id);
    return this.write(CatalogCommands.addCategoryProducts.subject, request, async (manager) => ({
      product_category: await this.readIn(
        manager,
        adminCategoryByIdQuery(await this.writes.addToCategory(manager, request.id, ids)),
      ),
    }));
  }

  @MessagePattern(CatalogCommands.removeCategoryProducts.subject)
  removeCategoryProducts(@Payload() request: CategoryProductsRequest): Promise<CategoryReply> {
    const ids = request.product_ids.map((product) => product.id);
    return this.write(CatalogCommands.removeCategoryProducts.subject, request, async (manager) => ({
      product_category: await this.readIn(
        manager,
        adminCategoryByIdQuery(await this.writes.removeFromCategory(manager, request.id, ids)),
      ),
    }));
  }

  @MessagePattern(CatalogCommands.createValue.subject)
  createValue(@Payload() { kind, ...input }: CreateValueRequest): Promise<{ record: TaxonomyRecord }> {
    return this.write(CatalogCommands.createValue.subject, { kind, ...input }, async (manager) => ({
      record: await this.readIn(
        manager,
        valueByIdQuery(VALUE_TABLES[kind], await this.writes.createValue(manager, kind, input)),
      ),
    }));
  }

  @MessagePattern(CatalogCommands.updateValue.subject)
  updateValue(@Payload() { kind, id, ...input }: UpdateValueRequest): Promise<{ record: TaxonomyRecord }> {
    return this.write(CatalogCommands.updateValue.subject, { kind, id, ...input }, async (manager) => ({
      record: await this.readIn(
        manager,
        valueByIdQuery(VALUE_TABLES[kind], await this.writes.updateValue(manager, kind, id, input)),
      ),
    }));
  }

  @MessagePattern(CatalogCommands.deleteValue.subject)
  deleteValue(@Payload() ref: ValueRef): Promise<DeletedReply> {
    return this.write(CatalogCommands.deleteValue.subject, ref, (manager) =>
      this.writes.deleteValue(manager, ref.kind, ref.id),
    );
  }

  private write<T>(
    subject: string,
    request: object,
    work: (manager: EntityManager) => Promise<T>,
  ): Promise<T> {
    return this.idempotency.run(subject, request, work);
  }

  private async read(query: SqlQuery, name: string, id: string): Promise<TaxonomyRecord> {
    const [row] = await this.db.rows<{ record: TaxonomyRecord }>(query);
    if (!row) throw DomainError.notFound(`${name} with id: ${id} was not found`);
    return row.record;
  }

  /** The record as it is inside the write's transaction. */
  private async readIn(manager: EntityManager, query: SqlQuery): Promise<TaxonomyRecord> {
    const [row] = (await manager.query(query.text, query.values)) as { record: TaxonomyRecord }[];
    return row.record;
  }

  private async categoryCount(query: AdminListCategoriesQuery): Promise<number> {
    const [row] = await this.db.rows<{ total: number }>(adminCategoryPageQuery(query, 0, 1));
    return row?.total ?? 0;
  }
}
