import { command } from '../common/command';
import {
  PresaleOffer,
  PresaleOfferRef,
  PresaleOffersReply,
  PresaleReservationReply,
  ReservePresaleRequest,
} from './presale.commands';
import {
  PublishableKeyRequest,
  PublishableKeyScopes,
  ResolveSalesChannelRequest,
  SalesChannelReply,
} from './sales-channel';
import {
  CreateRegionRequest,
  UpdateRegionRequest,
  GetRegionRequest,
  ListRegionsQuery,
  RegionList,
  RegionReply,
} from './catalog.commands';
import {
  CheckInventoryRequest,
  InventoryCheck,
  ReservationReply,
  ReservationRequest,
  ReserveInventoryRequest,
  ReturnStockRequest,
} from './inventory.commands';
import { PricedVariants, PriceVariantsRequest } from './pricing.commands';
import {
  GetProductRequest,
  GetVariantRequest,
  ListProductsQuery,
  ListVariantsQuery,
  ProductList,
  ProductReply,
  SearchProductsCommand,
  SearchProductsReply,
  VariantList,
  VariantReply,
} from './product.commands';
import {
  ListCartShippingOptionsRequest,
  ListShippingOptionsQuery,
  QuoteShippingOptionRequest,
  ShippingOptionList,
  ShippingOptionQuote,
} from './shipping.commands';
import {
  ByIdRequest,
  CategoryList,
  CategoryReply,
  CollectionList,
  CollectionReply,
  GetCategoryRequest,
  ListCategoriesQuery,
  ListCollectionsQuery,
  ListTagsQuery,
  ListTypesQuery,
  TagList,
  TypeList,
} from './taxonomy.commands';
import { CatalogAdminCommands } from './catalog-admin.subjects';

/** Commands the catalog app answers. Reads are safe to retry; writes are idempotent as noted. */
export const CatalogCommands = {
  /** Lists regions with their countries and providers. */
  listRegions: command<ListRegionsQuery, RegionList>('catalog.region.list'),
  /** One region by id; `not_found` when there is none. */
  getRegion: command<GetRegionRequest, RegionReply>('catalog.region.get'),
  /**
   * Creates a region and emits `events.catalog.region-created` in the same transaction.
   * Idempotent under an Idempotency-Key: a retry replays the first reply.
   */
  createRegion: command<CreateRegionRequest, RegionReply>('catalog.region.create'),
  /** Changes a region's settings, countries and providers; idempotent under an Idempotency-Key. */
  updateRegion: command<UpdateRegionRequest, RegionReply>('catalog.region.update'),
  /** Published products, filtered and paged, priced for a region or currency when given. */
  listProducts: command<ListProductsQuery, ProductList>('catalog.product.list'),
  /** One published product by id or handle; `not_found` otherwise. */
  getProduct: command<GetProductRequest, ProductReply>('catalog.product.get'),
  /** Free-text search over published products. */
  searchProducts: command<SearchProductsCommand, SearchProductsReply>('catalog.product.search'),
  /** Variants of published products, filtered, priced for a region or currency when given. */
  listVariants: command<ListVariantsQuery, VariantList>('catalog.variant.list'),
  /** One variant; `not_found` otherwise. */
  getVariant: command<GetVariantRequest, VariantReply>('catalog.variant.get'),
  /** The sales channels of a publishable API key; `not_allowed` for an unknown or revoked key. */
  publishableKeyScopes: command<PublishableKeyRequest, PublishableKeyScopes>(
    'catalog.publishable-key.scopes',
  ),
  /**
   * A sales channel a cart may be sold in: the one named (`not_found`; a disabled one is
   * `invalid_data`), else the store's default channel.
   */
  resolveSalesChannel: command<ResolveSalesChannelRequest, SalesChannelReply>(
    'catalog.sales-channel.resolve',
  ),
  listCollections: command<ListCollectionsQuery, CollectionList>('catalog.collection.list'),
  getCollection: command<ByIdRequest, CollectionReply>('catalog.collection.get'),
  listCategories: command<ListCategoriesQuery, CategoryList>('catalog.category.list'),
  getCategory: command<GetCategoryRequest, CategoryReply>('catalog.category.get'),
  listTags: command<ListTagsQuery, TagList>('catalog.tag.list'),
  listTypes: command<ListTypesQuery, TypeList>('catalog.type.list'),
  /** Store shipping options (not admin-only) of a region and of the given products' profiles. */
  listShippingOptions: command<ListShippingOptionsQuery, ShippingOptionList>('catalog.shipping-option.list'),
  /** Options of the cart's region and its items' profiles whose requirements its subtotal meets. */
  listCartShippingOptions: command<ListCartShippingOptionsRequest, ShippingOptionList>(
    'catalog.shipping-option.list-for-cart',
  ),
  /** Checks that a cart may use a shipping option (region, requirements) and prices it. */
  quoteShippingOption: command<QuoteShippingOptionRequest, ShippingOptionQuote>(
    'catalog.shipping-option.quote',
  ),
  /** Prices quantities of variants for a region (and customer groups), as Medusa's price selection does. */
  priceVariants: command<PriceVariantsRequest, PricedVariants>('catalog.price.variants'),
  /** The presale offers still selling (seed 004), for a storefront's presale page. */
  presaleOffers: command<Record<string, never>, PresaleOffersReply>('catalog.presale.offers'),
  /** One presale offer, by variant id or SKU; 404 when the variant is not sold in presale. */
  presaleOffer: command<PresaleOfferRef, PresaleOffer>('catalog.presale.offer'),
  /** Takes presale units for an order (idempotent by key); 409 `insufficient_inventory` when too few are left. */
  reservePresale: command<ReservePresaleRequest, PresaleReservationReply>('catalog.presale.reserve'),
  /** Gives an order's presale units back (idempotent). */
  releasePresale: command<ReservationRequest, PresaleReservationReply>('catalog.presale.release'),
  /** Whether the quantities can be sold now. */
  checkInventory: command<CheckInventoryRequest, InventoryCheck>('catalog.inventory.check'),
  /**
   * Makes a reservation key hold exactly these quantities, atomically: all or nothing, never below
   * zero stock; `not_allowed` / `insufficient_inventory` otherwise. Idempotent per key.
   */
  reserveInventory: command<ReserveInventoryRequest, ReservationReply>('catalog.inventory.reserve'),
  /** Gives back what a key holds. Idempotent. */
  releaseInventory: command<ReservationRequest, ReservationReply>('catalog.inventory.release'),
  /** Puts a received return's units back on the shelf (idempotent by key). */
  returnInventory: command<ReturnStockRequest, ReservationReply>('catalog.inventory.return'),
  /** Turns what a key holds into a sale (stock goes down). Idempotent. */
  confirmInventory: command<ReservationRequest, ReservationReply>('catalog.inventory.confirm'),
  /** Puts back what a key sold (an order canceled before payment was taken). Idempotent. */
  restockInventory: command<ReservationRequest, ReservationReply>('catalog.inventory.restock'),
  ...CatalogAdminCommands,
} as const;
