import { IsOptional, IsString, MaxLength } from 'class-validator';

/** Medusa's `SalesChannel`: where products are sold; carts and orders belong to one. */
export interface SalesChannel {
  id: string;
  name: string;
  description: string | null;
  is_disabled: boolean;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
  metadata: Record<string, unknown> | null;
}

/** The request header that scopes a storefront's product reads and carts to its sales channels. */
export const PUBLISHABLE_KEY_HEADER = 'x-publishable-api-key';

/** `catalog.publishable-key.scopes` request: the key a storefront sent. */
export class PublishableKeyRequest {
  @IsString()
  @MaxLength(200)
  key!: string;
}

/** The sales channels a publishable key may read and sell in (none: the store's default channel). */
export interface PublishableKeyScopes {
  sales_channel_ids: string[];
}

/** `catalog.sales-channel.resolve` request: a channel to sell in, by id, or the default one. */
export class ResolveSalesChannelRequest {
  @IsOptional()
  @IsString()
  @MaxLength(100)
  id?: string;
}

export interface SalesChannelReply {
  sales_channel: SalesChannel;
}
