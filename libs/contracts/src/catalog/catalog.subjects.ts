import { command } from '../common/command';
import { GetRegionRequest, ListRegionsQuery, RegionList, RegionReply } from './catalog.commands';

/** Commands the catalog app answers. */
export const CatalogCommands = {
  /** Lists regions with their countries and providers; read-only. */
  listRegions: command<ListRegionsQuery, RegionList>('catalog.region.list'),
  /** One region by id; `not_found` when there is none. Read-only. */
  getRegion: command<GetRegionRequest, RegionReply>('catalog.region.get'),
} as const;
