import { Injectable } from '@nestjs/common';
import { CatalogEvents, CreateRegionRequest, Region, RegionReply } from '@app/contracts';
import { DomainError, newId, Outbox } from '@app/platform';
import { EntityManager } from 'typeorm';
import { regionByIdQuery } from './region.queries';

interface CountryRow {
  iso_2: string;
  display_name: string;
  region_id: string | null;
}

/**
 * Creates a region with its countries and providers, and records `events.catalog.region-created`
 * in the same transaction. Runs inside the caller's transaction (see Idempotency).
 */
@Injectable()
export class RegionCreation {
  constructor(private readonly outbox: Outbox) {}

  async create(manager: EntityManager, request: CreateRegionRequest): Promise<RegionReply> {
    await this.assertCurrencyExists(manager, request.currency_code);
    const countries = await this.lockFreeCountries(manager, request.countries);
    await this.assertProvidersInstalled(manager, 'payment_provider', request.payment_providers);
    await this.assertProvidersInstalled(manager, 'fulfillment_provider', request.fulfillment_providers);

    const id = newId('reg');
    await manager.query(
      `INSERT INTO catalog.region (id, name, currency_code, tax_rate, tax_code, gift_cards_taxable, automatic_taxes, metadata)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [
        id,
        request.name,
        request.currency_code,
        request.tax_rate,
        request.tax_code ?? null,
        request.gift_cards_taxable ?? true,
        request.automatic_taxes ?? true,
        request.metadata ? JSON.stringify(request.metadata) : null,
      ],
    );
    await manager.query('UPDATE catalog.country SET region_id = $1 WHERE iso_2 = ANY($2)', [
      id,
      request.countries,
    ]);
    await manager.query(
      `INSERT INTO catalog.region_payment_providers (region_id, provider_id) SELECT $1, unnest($2::text[])`,
      [id, [...new Set(request.payment_providers)]],
    );
    await manager.query(
      `INSERT INTO catalog.region_fulfillment_providers (region_id, provider_id) SELECT $1, unnest($2::text[])`,
      [id, [...new Set(request.fulfillment_providers)]],
    );
    await this.outbox.record(
      manager,
      CatalogEvents.regionCreated,
      { id },
      {
        region_id: id,
        name: request.name,
        currency_code: request.currency_code,
        tax_rate: request.tax_rate,
        countries: countries.map((country) => country.iso_2),
      },
    );
    const { text, values } = regionByIdQuery(id);
    const [row] = (await manager.query(text, values)) as { region: Region }[];
    return { region: row.region };
  }

  private async assertCurrencyExists(manager: EntityManager, code: string): Promise<void> {
    const found = await manager.query('SELECT 1 FROM catalog.currency WHERE code = $1', [code]);
    if (!found.length) throw DomainError.invalidData(`Currency with code ${code} does not exist`);
  }

  /** Locks the countries; each must exist and belong to no region yet (Medusa's rule). */
  private async lockFreeCountries(manager: EntityManager, codes: string[]): Promise<CountryRow[]> {
    const rows: CountryRow[] = await manager.query(
      'SELECT iso_2, display_name, region_id FROM catalog.country WHERE iso_2 = ANY($1) ORDER BY iso_2 FOR UPDATE',
      [codes],
    );
    const missing = codes.filter((code) => !rows.some((row) => row.iso_2 === code));
    if (missing.length)
      throw DomainError.invalidData(`Country with iso_2 ${missing.join(', ')} does not exist`);
    const taken = rows.find((row) => row.region_id !== null);
    if (taken)
      throw DomainError.notAllowed(`${taken.display_name} already exists in region ${taken.region_id}`);
    return rows;
  }

  private async assertProvidersInstalled(
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
}
