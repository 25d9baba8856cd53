import { IsNumber, IsString } from 'class-validator';
import { event } from '../common/events';

/** Data of `events.catalog.region-created`: a region was created and can be sold in. */
export class RegionCreated {
  @IsString()
  region_id!: string;

  @IsString()
  name!: string;

  @IsString()
  currency_code!: string;

  @IsNumber()
  tax_rate!: number;

  @IsString({ each: true })
  countries!: string[];
}

/** Events the catalog publishes. */
export const CatalogEvents = {
  regionCreated: event<RegionCreated>('catalog.region-created'),
  /** A region's settings changed (`POST /admin/regions/{id}`): carts reload their copy of it. */
  regionUpdated: event<RegionCreated>('catalog.region-updated'),
} as const;
