import { CreateRegionRequest } from '@app/contracts';

/** A valid `catalog.region.create` request in US dollars, manual payment and fulfillment. */
export function newRegion(name: string, countries: string[] = [], tax_rate = 5): CreateRegionRequest {
  return {
    name,
    currency_code: 'usd',
    tax_rate,
    countries,
    payment_providers: ['manual'],
    fulfillment_providers: ['manual'],
  };
}
