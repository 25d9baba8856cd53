/** Medusa v1 `Country` as the store API returns it (numeric `id` and `num_code`, as the real server does). */
export interface Country {
  id: number;
  iso_2: string;
  iso_3: string;
  num_code: number;
  name: string;
  display_name: string;
  region_id: string | null;
}

/** An installed payment or fulfillment provider of a region. */
export interface ProviderRef {
  id: string;
  is_installed: boolean;
}

/** Medusa v1 `Region` with the relations the store routes always load. */
export interface Region {
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
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
  countries: Country[];
  payment_providers: ProviderRef[];
  fulfillment_providers: ProviderRef[];
}
