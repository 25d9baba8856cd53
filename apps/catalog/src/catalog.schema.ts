import { CreateRegions1767225600000 } from './migrations/1767225600000-create-regions';
import { CountryEntity } from './regions/country.entity';
import { CurrencyEntity } from './regions/currency.entity';
import { FulfillmentProviderEntity, PaymentProviderEntity } from './regions/provider.entity';
import { RegionEntity } from './regions/region.entity';

/** Every entity of the catalog schema. */
export const CATALOG_ENTITIES = [
  RegionEntity,
  CountryEntity,
  CurrencyEntity,
  PaymentProviderEntity,
  FulfillmentProviderEntity,
];

/** The catalog schema's migrations, oldest first. */
export const CATALOG_MIGRATIONS = [CreateRegions1767225600000];
