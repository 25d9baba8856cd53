import { Injectable } from '@nestjs/common';
import { ProductVariant } from '@app/contracts';
import { DomainError, PreparedStatements } from '@app/platform';
import { PriceScope } from '../products/variant.sql';
import { PriceRow, priceVariant, PricingContext, publicPrice } from './price-selection';

interface RegionPricing {
  currency_code: string;
  automatic_taxes: boolean;
  tax_rate: number;
}

export interface PriceSelection {
  cart_id?: string;
  region_id?: string;
  currency_code?: string;
  customer_group_ids?: string[];
}

/** Which prices a read loads, and how it prices and taxes them. */
export interface Pricing {
  scope: PriceScope;
  context: PricingContext;
}

/**
 * Turns a price selection (region or currency, customer groups) into the scope of prices to load
 * and the context to price them in, as Medusa's `collectPricingContext` does: a region fixes the
 * currency and, with automatic taxes, its default tax rate.
 */
@Injectable()
export class PricingContexts {
  constructor(private readonly db: PreparedStatements) {}

  async resolve(selection: PriceSelection): Promise<Pricing> {
    if (selection.cart_id) {
      throw DomainError.invalidData(
        'cart_id must be resolved to the cart’s region by the caller (the gateway does)',
      );
    }
    const customer_group_ids = selection.customer_group_ids ?? [];
    if (!selection.region_id) {
      return {
        scope: { currency_code: selection.currency_code, customer_group_ids },
        context: { currency_code: selection.currency_code, tax_rates: null },
      };
    }
    const [region] = await this.db.rows<RegionPricing>({
      name: 'catalog.region.pricing',
      text: 'SELECT currency_code, automatic_taxes, tax_rate FROM catalog.region WHERE id = $1 AND deleted_at IS NULL',
      values: [selection.region_id],
    });
    if (!region) throw DomainError.notFound(`Region with ${selection.region_id} was not found`);
    const tax_rates = region.automatic_taxes
      ? [{ rate: region.tax_rate, name: 'default', code: 'default' }]
      : null;
    return {
      scope: { region_id: selection.region_id, currency_code: region.currency_code, customer_group_ids },
      context: { region_id: selection.region_id, currency_code: region.currency_code, tax_rates },
    };
  }
}

/** Adds Medusa's `PricedVariant` fields to a variant whose prices were loaded, and cleans its prices. */
export function priceLoadedVariant<V extends ProductVariant>(variant: V, context: PricingContext): V {
  if (!variant.prices) return variant;
  const prices = variant.prices as PriceRow[];
  return { ...variant, ...priceVariant(prices, context), prices: prices.map(publicPrice) };
}
