import { command } from '../common/command';
import {
  CreateRegionRequest,
  GetRegionRequest,
  ListRegionsQuery,
  RegionList,
  RegionReply,
} from './catalog.commands';

/** Commands the catalog app answers. */
export const CatalogCommands = {
  /** Lists regions with their countries and providers; read-only. */
  listRegions: command<ListRegionsQuery, RegionList>('catalog.region.list'),
  /** One region by id; `not_found` when there is none. Read-only. */
  getRegion: command<GetRegionRequest, RegionReply>('catalog.region.get'),
  /**
   * Creates a region and emits `events.catalog.region-created` in the same transaction.
   * Idempotent under an Idempotency-Key: a retry replays the first reply.
   */
  createRegion: command<CreateRegionRequest, RegionReply>('catalog.region.create'),
} as const;
