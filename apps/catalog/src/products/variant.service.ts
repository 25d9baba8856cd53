import { Injectable } from '@nestjs/common';
import {
  DEFAULT_PRODUCT_PAGE_SIZE,
  GetVariantRequest,
  ListVariantsQuery,
  ProductVariant,
  VariantList,
  VariantReply,
} from '@app/contracts';
import { DomainError, QueryConfig, resolveQuery, selectFields, PreparedStatements } from '@app/platform';
import { PricingContexts, priceLoadedVariant } from '../pricing/pricing-context.service';
import { assertSoldInScope } from '../sales-channels/sales-channel-scope';
import { VARIANT_RELATIONS } from './product.query-config';
import { VARIANT_COLUMNS } from '../sql/columns';
import { variantPageQuery } from './variant.sql';

const VARIANT_QUERY: QueryConfig = {
  defaultFields: [...VARIANT_COLUMNS],
  allowedFields: [...VARIANT_COLUMNS],
  defaultRelations: VARIANT_RELATIONS,
  allowedRelations: VARIANT_RELATIONS,
  isList: true,
};

const RELATION_KEYS = new Set(VARIANT_RELATIONS);

/** Medusa's store variant reads: variants of published products, priced and with availability. */
@Injectable()
export class VariantService {
  constructor(
    private readonly db: PreparedStatements,
    private readonly pricing: PricingContexts,
  ) {}

  async list(query: ListVariantsQuery): Promise<VariantList> {
    const rows = await this.find(query, query.offset ?? 0, query.limit ?? DEFAULT_PRODUCT_PAGE_SIZE);
    return { variants: rows.map((row) => row.variant) };
  }

  async retrieve(request: GetVariantRequest): Promise<VariantReply> {
    const { id, sales_channel_id, key_sales_channel_ids, ...query } = request;
    const [row] = await this.find({ ...query, id: [id] }, 0, 1);
    if (!row) throw DomainError.notFound(`Variant with id: ${id} was not found`);
    assertSoldInScope('Variant', id, row.sales_channel_ids, { sales_channel_id, key_sales_channel_ids });
    return { variant: row.variant };
  }

  private async find(
    query: ListVariantsQuery,
    offset: number,
    limit: number,
  ): Promise<{ variant: ProductVariant; sales_channel_ids: string[] }[]> {
    const { relations, select } = resolveQuery({ expand: query.expand, fields: query.fields }, VARIANT_QUERY);
    // Availability is computed, like prices: it stays whatever fields are selected (as in Medusa).
    select?.get('')?.add('inventory_quantity').add('purchasable');
    const pricing = await this.pricing.resolve(query);
    const rows = await this.db.rows<{ variant: ProductVariant; sales_channel_ids: string[] }>(
      variantPageQuery(query, relations, pricing.scope, offset, limit),
    );
    return rows.map((row) => ({
      variant: priceLoadedVariant(selectFields(row.variant, select, RELATION_KEYS), pricing.context),
      sales_channel_ids: row.sales_channel_ids,
    }));
  }
}
