import { DomainError } from '@app/platform';
import { EntityManager } from 'typeorm';

export interface CountryRow {
  iso_2: string;
  display_name: string;
  region_id: string | null;
}

/** A region's currency must be one the store knows (Medusa's words when it is not). */
export async function assertCurrencyExists(manager: EntityManager, code: string): Promise<void> {
  const found = await manager.query('SELECT 1 FROM catalog.currency WHERE code = $1', [code]);
  if (!found.length) throw DomainError.invalidData(`Currency with code ${code} does not exist`);
}

/**
 * Locks the countries; each must exist and belong to no region but `regionId` (none, for a new
 * region: Medusa's rule).
 */
export async function lockFreeCountries(
  manager: EntityManager,
  codes: string[],
  regionId: string | null = null,
): Promise<CountryRow[]> {
  const rows: CountryRow[] = await manager.query(
    'SELECT iso_2, display_name, region_id FROM catalog.country WHERE iso_2 = ANY($1) ORDER BY iso_2 FOR UPDATE',
    [codes],
  );
  const missing = codes.filter((code) => !rows.some((row) => row.iso_2 === code));
  if (missing.length)
    throw DomainError.invalidData(`Country with iso_2 ${missing.join(', ')} does not exist`);
  const taken = rows.find((row) => row.region_id !== null && row.region_id !== regionId);
  if (taken)
    throw DomainError.notAllowed(`${taken.display_name} already exists in region ${taken.region_id}`);
  return rows;
}

/** Every provider named must be installed. */
export async function assertProvidersInstalled(
  manager: EntityManager,
  table: 'payment_provider' | 'fulfillment_provider',
  ids: string[],
): Promise<void> {
  const found: { id: string }[] = await manager.query(
    `SELECT id FROM catalog.${table} WHERE id = ANY($1) AND is_installed`,
    [ids],
  );
  const missing = ids.filter((id) => !found.some((row) => row.id === id));
  if (missing.length) {
    const kind = table === 'payment_provider' ? 'Payment' : 'Fulfillment';
    throw DomainError.invalidData(`${kind} provider ${missing.join(', ')} is not installed`);
  }
}
