import { Injectable } from '@nestjs/common';
import { PricedItem, PricedVariants, PriceVariantsRequest, ProductVariant } from '@app/contracts';
import { DomainError, PreparedStatements } from '@app/platform';
import { variantPageQuery } from '../products/variant.sql';
import { PriceRow, priceVariant, publicPrice } from './price-selection';
import { PricingContexts } from './pricing-context.service';

/** A line's variant as Medusa's cart shows it: its product, with the product's shipping profile. */
const PRICED_RELATIONS = new Set(['prices', 'product', 'product.profiles']);

/**
 * Prices quantities of variants for a region and the customer's groups — what a cart's line items
 * cost — with Medusa's price selection: quantity tiers and price lists apply.
 */
@Injectable()
export class VariantPricingService {
  constructor(
    private readonly db: PreparedStatements,
    private readonly pricing: PricingContexts,
  ) {}

  async price(request: PriceVariantsRequest): Promise<PricedVariants> {
    const { scope, context } = await this.pricing.resolve(request);
    const ids = [...new Set(request.items.map((item) => item.variant_id))];
    const rows = await this.db.rows<{
      variant: ProductVariant & { product: Record<string, unknown> };
      sales_channel_ids: string[];
    }>(variantPageQuery({ id: ids }, PRICED_RELATIONS, scope, 0, ids.length));
    const variants = new Map(rows.map((row) => [row.variant.id, row]));
    const { tags, presale } = await this.tagsAndPresale(
      [...new Set(rows.map((row) => row.variant.product_id))],
      ids,
    );
    const withdrawn = request.skip_withdrawn ? ids.filter((id) => !variants.has(id)) : [];
    const sold = request.items.filter((item) => !withdrawn.includes(item.variant_id));
    const items = sold.map((item): PricedItem => {
      const found = variants.get(item.variant_id);
      if (!found) throw DomainError.notFound(`Variant with id: ${item.variant_id} was not found`);
      const { prices = [], ...variant } = found.variant;
      const rows = prices as PriceRow[];
      const pricing = {
        ...priceVariant(rows, { ...context, quantity: item.quantity }),
        prices: rows.map(publicPrice),
      };
      const product_tag_ids = tags.get(variant.product_id) ?? [];
      return {
        variant_id: item.variant_id,
        quantity: item.quantity,
        variant,
        presale: presale.has(item.variant_id),
        pricing,
        product_tag_ids,
        sales_channel_ids: found.sales_channel_ids,
      };
    });
    return request.skip_withdrawn ? { items, withdrawn } : { items };
  }

  /** The products' tags (for discount conditions) and which variants are sold in presale only, in one read. */
  private async tagsAndPresale(
    productIds: string[],
    variantIds: string[],
  ): Promise<{ tags: Map<string, string[]>; presale: Set<string> }> {
    const [row] = await this.db.rows<{ tags: Record<string, string[]>; presale: string[] }>({
      name: 'catalog.product.tags-and-presale',
      text: `SELECT
               (SELECT coalesce(json_object_agg(product_id, tag_ids), '{}') FROM (
                  SELECT product_id, array_agg(product_tag_id ORDER BY product_tag_id) AS tag_ids
                  FROM catalog.product_tags WHERE product_id = ANY($1) GROUP BY product_id) t) AS tags,
               ARRAY(SELECT variant_id FROM catalog.presale_offer WHERE variant_id = ANY($2)) AS presale`,
      values: [productIds, variantIds],
    });
    return { tags: new Map(Object.entries(row.tags)), presale: new Set(row.presale) };
  }
}
