import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  AdminListProductsQuery,
  AdminProductList,
  CatalogCommands,
  CreateProductRequest,
  CreateVariantRequest,
  DeletedReply,
  OptionDeletedReply,
  Product,
  ProductOptionRef,
  ProductOptionRequest,
  ProductRef,
  ProductVariantRef,
  ProductReply,
  UpdateProductOptionRequest,
  UpdateProductRequest,
  UpdateVariantRequest,
  VariantDeletedReply,
} from '@app/contracts';
import { DomainError, Idempotency, PreparedStatements } from '@app/platform';
import { EntityManager } from 'typeorm';
import { adminProductByIdQuery, adminProductCountQuery, adminProductPageQuery } from './admin-product.sql';
import { ProductOptionWrites } from './product-option-writes.service';
import { ProductWrites } from './product-writes.service';

/**
 * The merchant's product commands: reads see every status; writes run in one transaction each,
 * idempotent under an Idempotency-Key, and answer the product as it then is.
 */
@Controller()
export class AdminProductHandlers {
  constructor(
    private readonly writes: ProductWrites,
    private readonly options: ProductOptionWrites,
    private readonly idempotency: Idempotency,
    private readonly db: PreparedStatements,
  ) {}

  @MessagePattern(CatalogCommands.adminListProducts.subject)
  async list(@Payload() query: AdminListProductsQuery): Promise<AdminProductList> {
    const offset = query.offset ?? 0;
    const limit = query.limit ?? 50;
    const [rows, [{ count }]] = await Promise.all([
      this.db.rows<{ product: Product }>(adminProductPageQuery(query, offset, limit)),
      this.db.rows<{ count: number }>(adminProductCountQuery(query)),
    ]);
    return { products: rows.map((row) => row.product), count, offset, limit };
  }

  @MessagePattern(CatalogCommands.adminGetProduct.subject)
  async get(@Payload() request: ProductRef): Promise<ProductReply> {
    const [row] = await this.db.rows<{ product: Product }>(adminProductByIdQuery(request.id));
    if (!row) throw DomainError.notFound(`Product with id: ${request.id} was not found`);
    return { product: row.product };
  }

  @MessagePattern(CatalogCommands.createProduct.subject)
  create(@Payload() request: CreateProductRequest): Promise<ProductReply> {
    return this.write(CatalogCommands.createProduct.subject, request, (manager) =>
      this.writes.create(manager, request),
    );
  }

  @MessagePattern(CatalogCommands.updateProduct.subject)
  update(@Payload() request: UpdateProductRequest): Promise<ProductReply> {
    return this.write(CatalogCommands.updateProduct.subject, request, (manager) =>
      this.writes.update(manager, request),
    );
  }

  @MessagePattern(CatalogCommands.deleteProduct.subject)
  delete(@Payload() request: ProductRef): Promise<DeletedReply> {
    return this.idempotency.run(CatalogCommands.deleteProduct.subject, request, (manager) =>
      this.writes.delete(manager, request.id),
    );
  }

  @MessagePattern(CatalogCommands.createVariant.subject)
  createVariant(@Payload() request: CreateVariantRequest): Promise<ProductReply> {
    return this.write(CatalogCommands.createVariant.subject, request, (manager) =>
      this.writes.addVariant(manager, request),
    );
  }

  @MessagePattern(CatalogCommands.updateVariant.subject)
  updateVariant(@Payload() request: UpdateVariantRequest): Promise<ProductReply> {
    return this.write(CatalogCommands.updateVariant.subject, request, (manager) =>
      this.writes.updateVariant(manager, request),
    );
  }

  @MessagePattern(CatalogCommands.deleteVariant.subject)
  async deleteVariant(@Payload() ref: ProductVariantRef): Promise<VariantDeletedReply> {
    const { product } = await this.write(CatalogCommands.deleteVariant.subject, ref, (manager) =>
      this.writes.deleteVariant(manager, ref),
    );
    return { variant_id: ref.variant_id, object: 'product-variant', deleted: true, product };
  }

  @MessagePattern(CatalogCommands.addProductOption.subject)
  addOption(@Payload() request: ProductOptionRequest): Promise<ProductReply> {
    return this.write(CatalogCommands.addProductOption.subject, request, (manager) =>
      this.writes.changeParts(manager, request.product_id, () => this.options.add(manager, request)),
    );
  }

  @MessagePattern(CatalogCommands.updateProductOption.subject)
  updateOption(@Payload() request: UpdateProductOptionRequest): Promise<ProductReply> {
    return this.write(CatalogCommands.updateProductOption.subject, request, (manager) =>
      this.writes.changeParts(manager, request.product_id, () => this.options.rename(manager, request)),
    );
  }

  @MessagePattern(CatalogCommands.deleteProductOption.subject)
  async deleteOption(@Payload() ref: ProductOptionRef): Promise<OptionDeletedReply> {
    const { product } = await this.write(CatalogCommands.deleteProductOption.subject, ref, (manager) =>
      this.writes.changeParts(manager, ref.product_id, () => this.options.delete(manager, ref)),
    );
    return { option_id: ref.option_id, object: 'option', deleted: true, product };
  }

  /** Runs a write once per key and answers the product as the same transaction left it. */
  private write(
    scope: string,
    request: object,
    change: (manager: EntityManager) => Promise<string>,
  ): Promise<ProductReply> {
    return this.idempotency.run(scope, request, async (manager) => {
      const id = await change(manager);
      const { text, values } = adminProductByIdQuery(id);
      const [row] = (await manager.query(text, values)) as { product: Product }[];
      return { product: row.product };
    });
  }
}
