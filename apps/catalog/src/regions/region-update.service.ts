import { Injectable } from '@nestjs/common';
import { CatalogEvents, Region, RegionReply, UpdateRegionRequest } from '@app/contracts';
import { DomainError, Outbox } from '@app/platform';
import { EntityManager } from 'typeorm';
import { replaceLinks, updateGiven } from '../sql/row-writes';
import { regionByIdQuery } from './region.queries';
import { assertCurrencyExists, assertProvidersInstalled, lockFreeCountries } from './region-rules';

/** The region columns a change may set, as the request names them. */
const COLUMNS = [
  'name',
  'currency_code',
  'tax_rate',
  'tax_code',
  'gift_cards_taxable',
  'automatic_taxes',
] as const;

/**
 * Changes a region (the fields given), its countries (those given from then on: others leave it) and
 * its providers, and records `events.catalog.region-updated` in the same transaction, so the carts'
 * copies follow at once. Runs inside the caller's transaction (see Idempotency).
 */
@Injectable()
export class RegionUpdate {
  constructor(private readonly outbox: Outbox) {}

  async update(manager: EntityManager, request: UpdateRegionRequest): Promise<RegionReply> {
    const [locked] = await manager.query('SELECT id FROM catalog.region WHERE id = $1 FOR UPDATE', [
      request.id,
    ]);
    if (!locked) throw DomainError.notFound(`Region with id ${request.id} was not found`);
    if (request.currency_code) await assertCurrencyExists(manager, request.currency_code);
    if (request.countries) await lockFreeCountries(manager, request.countries, request.id);
    if (request.payment_providers)
      await assertProvidersInstalled(manager, 'payment_provider', request.payment_providers);
    if (request.fulfillment_providers)
      await assertProvidersInstalled(manager, 'fulfillment_provider', request.fulfillment_providers);

    await updateGiven(manager, 'catalog.region', request.id, request, [...COLUMNS, 'metadata']);
    if (request.countries) {
      await manager.query(
        'UPDATE catalog.country SET region_id = NULL WHERE region_id = $1 AND NOT iso_2 = ANY($2)',
        [request.id, request.countries],
      );
      await manager.query('UPDATE catalog.country SET region_id = $1 WHERE iso_2 = ANY($2)', [
        request.id,
        request.countries,
      ]);
    }
    if (request.payment_providers)
      await replaceLinks(
        manager,
        'catalog.region_payment_providers',
        'region_id',
        request.id,
        'provider_id',
        request.payment_providers,
      );
    if (request.fulfillment_providers)
      await replaceLinks(
        manager,
        'catalog.region_fulfillment_providers',
        'region_id',
        request.id,
        'provider_id',
        request.fulfillment_providers,
      );

    const { text, values } = regionByIdQuery(request.id);
    const [row] = (await manager.query(text, values)) as { region: Region }[];
    const region = row.region;
    await this.outbox.record(
      manager,
      CatalogEvents.regionUpdated,
      { id: region.id },
      {
        region_id: region.id,
        name: region.name,
        currency_code: region.currency_code,
        tax_rate: region.tax_rate,
        countries: region.countries.map((country) => country.iso_2),
      },
    );
    return { region };
  }
}
