import { Country, ProviderRef, Region } from '@app/contracts';

/** A row of the region read model (`region.queries.ts`): columns plus relations as JSON. */
export interface RegionRow {
  id: string;
  name: string;
  currency_code: string;
  tax_rate: number;
  tax_code: string | null;
  gift_cards_taxable: boolean;
  automatic_taxes: boolean;
  includes_tax: boolean;
  tax_provider_id: string | null;
  metadata: Record<string, unknown> | null;
  created_at: Date;
  updated_at: Date;
  deleted_at: Date | null;
  countries: Country[];
  payment_providers: ProviderRef[];
  fulfillment_providers: ProviderRef[];
}

/** A region as the store API shows it. */
export function regionToWire(row: RegionRow): Region {
  return {
    ...row,
    created_at: row.created_at.toISOString(),
    updated_at: row.updated_at.toISOString(),
    deleted_at: row.deleted_at ? row.deleted_at.toISOString() : null,
  };
}
