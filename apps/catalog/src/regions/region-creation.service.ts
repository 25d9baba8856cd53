import { Injectable } from '@nestjs/common';
import { CatalogEvents, CreateRegionRequest, Region, RegionReply } from '@app/contracts';
import { newId, Outbox } from '@app/platform';
import { EntityManager } from 'typeorm';
import { replaceLinks } from '../sql/row-writes';
import { regionByIdQuery } from './region.queries';
import { assertCurrencyExists, assertProvidersInstalled, lockFreeCountries } from './region-rules';

/**
 * Creates a region with its countries and providers, and records `events.catalog.region-created`
 * in the same transaction. Runs inside the caller's transaction (see Idempotency).
 */
@Injectable()
export class RegionCreation {
  constructor(private readonly outbox: Outbox) {}

  /** Creates a region; `id` is a fresh one unless a catalog document fixes it. */
  async create(
    manager: EntityManager,
    request: CreateRegionRequest,
    id = newId('reg'),
  ): Promise<RegionReply> {
    await assertCurrencyExists(manager, request.currency_code);
    const countries = await lockFreeCountries(manager, request.countries);
    await assertProvidersInstalled(manager, 'payment_provider', request.payment_providers);
    await assertProvidersInstalled(manager, 'fulfillment_provider', request.fulfillment_providers);

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
    await replaceLinks(
      manager,
      'catalog.region_payment_providers',
      'region_id',
      id,
      'provider_id',
      request.payment_providers,
    );
    await replaceLinks(
      manager,
      'catalog.region_fulfillment_providers',
      'region_id',
      id,
      'provider_id',
      request.fulfillment_providers,
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
}
