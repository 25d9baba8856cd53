import { Injectable } from '@nestjs/common';
import {
  DEFAULT_PRODUCT_PAGE_SIZE,
  GetProductRequest,
  ListProductsQuery,
  Product,
  ProductList,
  ProductReply,
  SearchProductsCommand,
  SearchProductsReply,
} from '@app/contracts';
import { DomainError, ResolvedQuery, resolveQuery, selectFields, PreparedStatements } from '@app/platform';
import { Pricing, PricingContexts, priceLoadedVariant } from '../pricing/pricing-context.service';
import { assertSoldInScope } from '../sales-channels/sales-channel-scope';
import { PRODUCT_QUERY, PRODUCT_RELATIONS, SINGLE_PRODUCT_QUERY } from './product.query-config';
import { productByIdQuery, productCountQuery, productPageQuery } from './product.sql';

/**
 * Medusa's store product reads: published products with the relations asked for (`expand`), the
 * fields asked for (`fields`), and, when their prices are loaded, priced for the region or currency.
 */
@Injectable()
export class ProductService {
  constructor(
    private readonly db: PreparedStatements,
    private readonly pricing: PricingContexts,
  ) {}

  async list(query: ListProductsQuery): Promise<ProductList> {
    const resolved = resolveQuery(query, PRODUCT_QUERY);
    const pricing = await this.pricing.resolve(query);
    const offset = query.offset ?? 0;
    const limit = query.limit ?? DEFAULT_PRODUCT_PAGE_SIZE;
    const [rows, [{ count }]] = await Promise.all([
      this.db.rows<{ product: Product }>(productPageQuery(query, resolved, pricing.scope, offset, limit)),
      this.db.rows<{ count: number }>(productCountQuery(query)),
    ]);
    return {
      products: rows.map((row) => this.present(row.product, resolved, pricing)),
      count,
      offset,
      limit,
    };
  }

  async retrieve(request: GetProductRequest): Promise<ProductReply> {
    const resolved = resolveQuery(request, SINGLE_PRODUCT_QUERY);
    const pricing = await this.pricing.resolve(request);
    const [row] = await this.db.rows<{ product: Product; sales_channel_ids: string[] }>(
      productByIdQuery(request.id, resolved.relations, pricing.scope),
    );
    if (!row) throw DomainError.notFound(`Product with id: ${request.id} was not found`);
    assertSoldInScope('Product', request.id, row.sales_channel_ids, request);
    return { product: this.present(row.product, resolved, pricing) };
  }

  /** Free-text search (title, subtitle, description, handle, variant title or SKU) in the channels, newest first. */
  async search(request: SearchProductsCommand): Promise<SearchProductsReply> {
    const q = request.q ?? '';
    const list = await this.list({
      q: q || undefined,
      sales_channel_id: request.sales_channel_id,
      offset: request.offset,
      limit: request.limit ?? 20,
    });
    return { hits: list.products, q, count: list.count, offset: list.offset, limit: list.limit };
  }

  private present(product: Product, resolved: ResolvedQuery, pricing: Pricing): Product {
    const priced = product.variants
      ? {
          ...product,
          variants: product.variants.map((variant) => priceLoadedVariant(variant, pricing.context)),
        }
      : product;
    return selectFields(priced, resolved.select, PRODUCT_RELATIONS);
  }
}
