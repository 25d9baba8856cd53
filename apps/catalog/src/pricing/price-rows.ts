import { AdminPriceInput } from '@app/contracts';
import { DomainError } from '@app/platform';
import { EntityManager } from 'typeorm';

/** A money amount's own columns, as an admin gives it: in a currency, or in a region and its currency. */
export interface PriceFields {
  currency_code: string;
  region_id: string | null;
  amount: number;
  min_quantity: number | null;
  max_quantity: number | null;
}

/**
 * The rows of prices given (a variant's or a price list's): each in a currency the store knows, or in
 * an existing region (in its currency: another currency is 400), quantity bounds in order.
 */
export async function priceRows(manager: EntityManager, prices: AdminPriceInput[]): Promise<PriceFields[]> {
  if (!prices.length) return [];
  const regions: { id: string; currency_code: string }[] = await manager.query(
    'SELECT id, currency_code FROM catalog.region WHERE id = ANY($1) AND deleted_at IS NULL',
    [prices.map((price) => price.region_id).filter(Boolean)],
  );
  const currencies: { code: string }[] = await manager.query(
    'SELECT code FROM catalog.currency WHERE code = ANY($1)',
    [prices.map((price) => price.currency_code).filter(Boolean)],
  );
  return prices.map((price) => {
    if (
      price.min_quantity !== undefined &&
      price.max_quantity !== undefined &&
      price.max_quantity < price.min_quantity
    )
      throw DomainError.invalidData('A price’s max_quantity must not be below its min_quantity');
    if (price.region_id) {
      const region = regions.find((candidate) => candidate.id === price.region_id);
      if (!region) throw DomainError.notFound(`Region with id ${price.region_id} was not found`);
      if (price.currency_code && price.currency_code !== region.currency_code) {
        throw DomainError.invalidData(
          `A price in region ${region.id} must be in its currency ${region.currency_code}, not ${price.currency_code}`,
        );
      }
      return fields(region.currency_code, region.id, price);
    }
    if (!price.currency_code) throw DomainError.invalidData('A price needs a currency_code or a region_id');
    if (!currencies.some((currency) => currency.code === price.currency_code))
      throw DomainError.invalidData(`Currency with code ${price.currency_code} does not exist`);
    return fields(price.currency_code, null, price);
  });
}

function fields(currency: string, region: string | null, price: AdminPriceInput): PriceFields {
  return {
    currency_code: currency,
    region_id: region,
    amount: price.amount,
    min_quantity: price.min_quantity ?? null,
    max_quantity: price.max_quantity ?? null,
  };
}
