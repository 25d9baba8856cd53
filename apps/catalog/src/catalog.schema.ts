import { CreateRegions1767225600000 } from './migrations/1767225600000-create-regions';
import { CreateProducts1767225800000 } from './migrations/1767225800000-create-products';
import { AllowRestockedReservations1767226600000 } from './migrations/1767226600000-allow-restocked-reservations';
import { PresaleOffers1767231500000 } from './migrations/1767231500000-presale-offers';
import { PresaleReservations1767231600000 } from './migrations/1767231600000-presale-reservations';
import { StockReturns1767232200000 } from './migrations/1767232200000-stock-returns';
import { SalesChannels1767232800000 } from './migrations/1767232800000-sales-channels';
import { InventoryAdjustments1767232900000 } from './migrations/1767232900000-inventory-adjustments';
import { ImportEntries1767233000000 } from './migrations/1767233000000-import-entries';
import { LiveUniqueKeys1767233100000 } from './migrations/1767233100000-live-unique-keys';

/**
 * The catalog reads and writes with SQL (its read models are JSON built by Postgres), so TypeORM
 * holds no entities here: it provides the pool, transactions and migrations.
 */
export const CATALOG_ENTITIES = [];

/** The catalog schema's migrations, oldest first (the platform's tables come before them). */
export const CATALOG_MIGRATIONS = [
  CreateRegions1767225600000,
  CreateProducts1767225800000,
  AllowRestockedReservations1767226600000,
  PresaleOffers1767231500000,
  PresaleReservations1767231600000,
  StockReturns1767232200000,
  SalesChannels1767232800000,
  InventoryAdjustments1767232900000,
  ImportEntries1767233000000,
  LiveUniqueKeys1767233100000,
];
