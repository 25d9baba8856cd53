import { MoneyAmount, TaxRateRef, VariantPricing } from '@app/contracts';
import { roundMoney } from '@app/platform';

/** A money amount as the read model loads it: with whether it includes tax (price list, region or currency). */
export interface PriceRow extends MoneyAmount {
  includes_tax: boolean;
}

export interface PricingContext {
  region_id?: string;
  currency_code?: string;
  /** Undefined when listing products: then quantity-tiered prices do not apply. */
  quantity?: number;
  /** The region's automatic taxes; null when prices are not taxed (no region, or taxes off). */
  tax_rates: TaxRateRef[] | null;
}

/**
 * Medusa's tax-inclusive pricing feature flag, off by default in v1: prices are treated as tax
 * exclusive when computing taxes (the flags on prices are still reported).
 */
const TAX_INCLUSIVE_PRICING = false;

const isValidQuantity = (price: PriceRow, quantity?: number) =>
  quantity === undefined
    ? (!price.max_quantity && !price.min_quantity) || (!price.min_quantity && !!price.max_quantity)
    : (!price.min_quantity || price.min_quantity <= quantity) &&
      (!price.max_quantity || price.max_quantity >= quantity);

/**
 * Medusa v1's price selection (`PriceSelectionStrategy.calculateVariantPrice`): the original price
 * is the region's (else the currency's) default price without price list or quantity bounds; the
 * calculated price is the lowest price valid for the quantity in the region or currency, comparing
 * tax-inclusive and exclusive prices through the tax rate. Then taxes, as its PricingService does.
 */
export function priceVariant(prices: PriceRow[], context: PricingContext): VariantPricing {
  let original: PriceRow | undefined;
  let calculated: PriceRow | undefined;
  const rate = context.tax_rates?.reduce((sum, taxRate) => sum + (taxRate.rate || 0) / 100, 0);
  const isDefaultPrice = (price: PriceRow) =>
    price.price_list_id === null && price.min_quantity === null && price.max_quantity === null;
  const beats = (price: PriceRow) => {
    if (!calculated) return true;
    if (price.includes_tax === calculated.includes_tax) return price.amount < calculated.amount;
    if (rate === undefined) return false;
    return price.includes_tax
      ? price.amount < (1 + rate) * calculated.amount
      : (1 + rate) * price.amount < calculated.amount;
  };
  for (const price of prices) {
    if (context.region_id && price.region_id === context.region_id && isDefaultPrice(price)) original = price;
    if (
      context.currency_code &&
      price.currency_code === context.currency_code &&
      isDefaultPrice(price) &&
      !original
    ) {
      original = price;
    }
    const inContext =
      (context.currency_code && price.currency_code === context.currency_code) ||
      (context.region_id && price.region_id === context.region_id);
    if (isValidQuantity(price, context.quantity) && inContext && beats(price)) calculated = price;
  }
  const pricing: VariantPricing = {
    original_price: original?.amount ?? null,
    calculated_price: calculated?.amount ?? null,
    original_price_includes_tax: original ? original.includes_tax : null,
    calculated_price_includes_tax: calculated ? calculated.includes_tax : null,
    original_price_incl_tax: null,
    calculated_price_incl_tax: null,
    original_tax: null,
    calculated_tax: null,
    tax_rates: null,
  };
  if (calculated) pricing.calculated_price_type = calculated.price_list?.type ?? 'default';
  if (context.tax_rates && rate !== undefined) applyTaxes(pricing, rate, context.tax_rates);
  return pricing;
}

function applyTaxes(pricing: VariantPricing, rate: number, taxRates: TaxRateRef[]): void {
  pricing.tax_rates = taxRates;
  const taxOf = (price: number, includesTax: boolean) =>
    roundMoney(TAX_INCLUSIVE_PRICING && includesTax ? (rate * price) / (1 + rate) : price * rate);
  if (pricing.calculated_price !== null) {
    const includes = !!pricing.calculated_price_includes_tax;
    pricing.calculated_tax = taxOf(pricing.calculated_price, includes);
    pricing.calculated_price_incl_tax = includes
      ? pricing.calculated_price
      : pricing.calculated_price + pricing.calculated_tax;
  }
  if (pricing.original_price !== null) {
    const includes = !!pricing.original_price_includes_tax;
    pricing.original_tax = taxOf(pricing.original_price, includes);
    pricing.original_price_incl_tax = includes
      ? pricing.original_price
      : pricing.original_price + pricing.original_tax;
  }
}

/** A money amount as the store API shows it (without the read model's tax flag). */
export function publicPrice({ includes_tax: _includesTax, ...price }: PriceRow): MoneyAmount {
  return price;
}
