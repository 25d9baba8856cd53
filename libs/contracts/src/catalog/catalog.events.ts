import { IsIn, IsNumber, IsObject, IsOptional, IsString } from 'class-validator';
import { event } from '../common/events';
import type { SalesChannel } from './sales-channel';

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

/** Data of `events.catalog.product-created`, `-updated` and `-deleted`: which product changed. */
export class ProductChanged {
  @IsString()
  product_id!: string;
}

/** Data of `events.catalog.price-list-created`, `-updated` and `-deleted`: which price list changed. */
export class PriceListChanged {
  @IsString()
  price_list_id!: string;
}

export const TAXONOMY_KINDS = ['collection', 'category', 'tag', 'type'] as const;
export type TaxonomyKind = (typeof TAXONOMY_KINDS)[number];

/** Data of `events.catalog.taxonomy-changed`: a collection, category, tag or type was created, changed or deleted. */
export class TaxonomyChanged {
  @IsIn(TAXONOMY_KINDS)
  kind!: TaxonomyKind;

  @IsString()
  id!: string;
}

/** Data of `events.catalog.sales-channel-changed`: a channel or the products sold in it changed. */
export class SalesChannelChanged {
  @IsString()
  sales_channel_id!: string;
  /** The channel as it now is; null once deleted (absent from events recorded before it was added). */
  @IsOptional()
  @IsObject()
  sales_channel?: SalesChannel | null;
}

/** Data of `events.catalog.publishable-key-changed`: a key was created, renamed, revoked, deleted or rescoped. */
export class PublishableKeyChanged {
  @IsString()
  publishable_key_id!: string;
}

/** Data of `events.catalog.shipping-option-changed`: an option was created, changed or deleted. */
export class ShippingOptionChanged {
  @IsString()
  shipping_option_id!: string;
}

/** Data of `events.catalog.shipping-profile-changed`: a profile, or the products and options in it, changed. */
export class ShippingProfileChanged {
  @IsString()
  shipping_profile_id!: string;
}

/** Data of `events.catalog.presale-offer-changed`: a variant was put on presale, its terms changed, or taken off. */
export class PresaleOfferChanged {
  @IsString()
  variant_id!: string;
}

/** Events the catalog publishes. */
export const CatalogEvents = {
  regionCreated: event<RegionCreated>('catalog.region-created'),
  /** A region's settings changed (`POST /admin/regions/{id}`): carts reload their copy of it. */
  regionUpdated: event<RegionCreated>('catalog.region-updated'),
  /** The merchant's product changes (admin routes): a product, its options, variants, prices or stock. */
  productCreated: event<ProductChanged>('catalog.product-created'),
  productUpdated: event<ProductChanged>('catalog.product-updated'),
  productDeleted: event<ProductChanged>('catalog.product-deleted'),
  /** The merchant's price lists: carts price lines with them at their next change. */
  priceListCreated: event<PriceListChanged>('catalog.price-list-created'),
  priceListUpdated: event<PriceListChanged>('catalog.price-list-updated'),
  priceListDeleted: event<PriceListChanged>('catalog.price-list-deleted'),
  /** The merchant's collections, categories, tags and types (and which products they hold). */
  taxonomyChanged: event<TaxonomyChanged>('catalog.taxonomy-changed'),
  /** Carts forget their copy of the channel (a disabled one takes no new carts). */
  salesChannelChanged: event<SalesChannelChanged>('catalog.sales-channel-changed'),
  /** The gateway forgets what it knew of the key (a revoked key is refused at once). */
  publishableKeyChanged: event<PublishableKeyChanged>('catalog.publishable-key-changed'),
  shippingOptionChanged: event<ShippingOptionChanged>('catalog.shipping-option-changed'),
  shippingProfileChanged: event<ShippingProfileChanged>('catalog.shipping-profile-changed'),
  presaleOfferChanged: event<PresaleOfferChanged>('catalog.presale-offer-changed'),
} as const;
