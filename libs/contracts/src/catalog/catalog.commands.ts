import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
} from 'class-validator';
import { Page, PageQuery } from '../common/pagination';
import { WithDateRanges } from '../common/query-params';
import { Region } from './region';

/** `GET /store/regions` query, also the `catalog.region.list` request. */
export class ListRegionsQuery extends WithDateRanges(PageQuery) {}

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

/**
 * `catalog.region.create` request (`POST /admin/regions`). Countries must exist and belong to no other
 * region; providers must be installed.
 */
export class CreateRegionRequest {
  @IsString()
  @Length(1, 200)
  name!: string;

  @Matches(/^[a-z]{3}$/, { message: 'currency_code must be a lower-case ISO 4217 code' })
  currency_code!: string;

  @IsNumber()
  @Min(0)
  @Max(100)
  tax_rate!: number;

  @IsOptional()
  @IsString()
  tax_code?: string;

  @IsOptional()
  @IsBoolean()
  gift_cards_taxable?: boolean;

  @IsOptional()
  @IsBoolean()
  automatic_taxes?: boolean;

  @IsArray()
  @ArrayMaxSize(250)
  @Matches(/^[a-z]{2}$/, { each: true, message: 'countries must be lower-case ISO 3166 alpha-2 codes' })
  countries!: string[];

  @ArrayMinSize(1)
  @IsString({ each: true })
  payment_providers!: string[];

  @ArrayMinSize(1)
  @IsString({ each: true })
  fulfillment_providers!: string[];

  @IsOptional()
  @IsObject()
  metadata?: Record<string, unknown>;
}

/**
 * `POST /admin/regions/{id}`: the fields given change. Countries given are the region's countries from
 * then on (each must exist and belong to no other region); providers given replace its providers.
 */
export class RegionChanges {
  @IsOptional()
  @IsString()
  @Length(1, 200)
  name?: string;

  @IsOptional()
  @Matches(/^[a-z]{3}$/, { message: 'currency_code must be a lower-case ISO 4217 code' })
  currency_code?: string;

  @IsOptional()
  @IsNumber()
  @Min(0)
  @Max(100)
  tax_rate?: number;

  @IsOptional()
  @IsString()
  tax_code?: string;

  @IsOptional()
  @IsBoolean()
  gift_cards_taxable?: boolean;

  @IsOptional()
  @IsBoolean()
  automatic_taxes?: boolean;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(250)
  @Matches(/^[a-z]{2}$/, { each: true, message: 'countries must be lower-case ISO 3166 alpha-2 codes' })
  countries?: string[];

  @IsOptional()
  @ArrayMinSize(1)
  @IsString({ each: true })
  payment_providers?: string[];

  @IsOptional()
  @ArrayMinSize(1)
  @IsString({ each: true })
  fulfillment_providers?: string[];

  @IsOptional()
  @IsObject()
  metadata?: Record<string, unknown>;
}

/** `catalog.region.update` request. */
export class UpdateRegionRequest extends RegionChanges {
  @IsString()
  id!: string;
}
