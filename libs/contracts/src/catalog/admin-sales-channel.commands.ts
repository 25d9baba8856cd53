import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsBoolean,
  IsObject,
  IsOptional,
  IsString,
  Length,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { Page, PageQuery } from '../common/pagination';
import { AdminIdInput } from './admin-product.commands';
import { SalesChannel } from './sales-channel';

/** `POST /admin/sales-channels`: Medusa's `AdminPostSalesChannelsReq`. */
export class CreateSalesChannelRequest {
  @IsString() @Length(1, 200) name!: string;
  @IsOptional() @IsString() @MaxLength(2000) description?: string;
  @IsOptional() @IsBoolean() is_disabled?: boolean;
  @IsOptional() @IsObject() metadata?: Record<string, unknown>;
}

/** `POST /admin/sales-channels/{id}`: the fields given change. */
export class SalesChannelChanges {
  @IsOptional() @IsString() @Length(1, 200) name?: string;
  @IsOptional() @IsString() @MaxLength(2000) description?: string;
  @IsOptional() @IsBoolean() is_disabled?: boolean;
  @IsOptional() @IsObject() metadata?: Record<string, unknown>;
}

export class UpdateSalesChannelRequest extends SalesChannelChanges {
  @IsString() @MaxLength(100) id!: string;
}

/** `GET /admin/sales-channels` and `GET /admin/publishable-api-keys`: `q`, paging (20 a page). */
export class AdminSearchQuery extends PageQuery {
  @IsOptional() @IsString() @MaxLength(200) q?: string;
}

export interface SalesChannelList extends Page {
  sales_channels: SalesChannel[];
}

/** `POST` / `DELETE /admin/sales-channels/{id}/products/batch`: `{ product_ids: [{ id }] }`. */
export class ChannelProductsBatch {
  @ArrayMinSize(1)
  @ArrayMaxSize(1000)
  @ValidateNested({ each: true })
  @Type(() => AdminIdInput)
  product_ids!: AdminIdInput[];
}

export class ChannelProductsRequest extends ChannelProductsBatch {
  @IsString() @MaxLength(100) id!: string;
}

/** Medusa's `PublishableApiKey`: its id is the `x-publishable-api-key` storefronts send. */
export interface PublishableApiKey {
  id: string;
  title: string;
  created_by: string | null;
  revoked_by: string | null;
  revoked_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface PublishableApiKeyReply {
  publishable_api_key: PublishableApiKey;
}

export interface PublishableApiKeyList extends Page {
  publishable_api_keys: PublishableApiKey[];
}

/** `POST /admin/publishable-api-keys` and `POST /admin/publishable-api-keys/{id}`: `{ title }`. */
export class PublishableKeyTitle {
  @IsString() @Length(1, 200) title!: string;
}

/** A key created or changed by an admin user (`created_by` / `revoked_by`). */
export class PublishableKeyWrite extends PublishableKeyTitle {
  @IsOptional() @IsString() @MaxLength(100) id?: string;
  @IsString() @MaxLength(100) actor_id!: string;
}

export class PublishableKeyActorRef {
  @IsString() @MaxLength(100) id!: string;
  @IsString() @MaxLength(100) actor_id!: string;
}

export class PublishableKeyRef {
  @IsString() @MaxLength(100) id!: string;
}

/** `POST` / `DELETE /admin/publishable-api-keys/{id}/sales-channels/batch`: `{ sales_channel_ids: [{ id }] }`. */
export class KeyChannelsBatch {
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => AdminIdInput)
  sales_channel_ids!: AdminIdInput[];
}

export class KeyChannelsRequest extends KeyChannelsBatch {
  @IsString() @MaxLength(100) id!: string;
}
