import { Type } from 'class-transformer';
import { IsOptional, IsString, ValidateNested } from 'class-validator';
import { DateComparison } from '../common/date-comparison';
import { Page, PageQuery } from '../common/pagination';
import { Region } from './region';

/** `GET /store/regions` query, also the `catalog.region.list` request. */
export class ListRegionsQuery extends PageQuery {
  @IsOptional()
  @ValidateNested()
  @Type(() => DateComparison)
  created_at?: DateComparison;

  @IsOptional()
  @ValidateNested()
  @Type(() => DateComparison)
  updated_at?: DateComparison;
}

/** Medusa's default page size for regions. */
export const DEFAULT_REGION_PAGE_SIZE = 100;

export interface RegionList extends Page {
  regions: Region[];
}

/** `catalog.region.get` request. */
export class GetRegionRequest {
  @IsString()
  id!: string;
}

export interface RegionReply {
  region: Region;
}
