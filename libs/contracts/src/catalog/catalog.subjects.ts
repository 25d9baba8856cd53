import { command } from '../common/command';
import {
  AdminListProductsQuery,
  AdminProductList,
  CreateProductRequest,
  CreateVariantRequest,
  DeletedReply,
  OptionDeletedReply,
  ProductOptionRef,
  ProductOptionRequest,
  ProductRef,
  ProductVariantRef,
  UpdateProductOptionRequest,
  UpdateProductRequest,
  UpdateVariantRequest,
  VariantDeletedReply,
} from './admin-product.commands';
import {
  AdminPresaleOffer,
  AdminPresaleOfferReply,
  PresaleVariantRef,
  SetPresaleOfferRequest,
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
  SalesChannel,
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
  AdjustInventoryRequest,
  CheckInventoryRequest,
  InventoryCheck,
  ReservationReply,
  ReservationRequest,
  ReserveInventoryRequest,
  ReturnStockRequest,
  VariantInventoryReply,
  VariantInventoryRequest,
} from './inventory.commands';
import { PricedVariants, PriceVariantsRequest } from './pricing.commands';
import { ImportCatalogRequest, ImportReport } from './catalog-import';
import {
  AdminSearchQuery,
  ChannelProductsRequest,
  CreateSalesChannelRequest,
  KeyChannelsRequest,
  PublishableApiKeyList,
  PublishableApiKeyReply,
  PublishableKeyActorRef,
  PublishableKeyRef,
  PublishableKeyWrite,
  SalesChannelList,
  UpdateSalesChannelRequest,
} from './admin-sales-channel.commands';
import {
  AdminListCategoriesQuery,
  CategoryProductsRequest,
  CollectionProductsRemoved,
  CollectionProductsRequest,
  CreateCategoryRequest,
  CreateCollectionRequest,
  CreateValueRequest,
  UpdateCategoryRequest,
  UpdateCollectionRequest,
  UpdateValueRequest,
  ValueRef,
} from './admin-taxonomy.commands';
import {
  AddPriceListPricesRequest,
  CreatePriceListRequest,
  DeletedPricesReply,
  DeletePriceListPricesRequest,
  ListPriceListsQuery,
  PriceListList,
  PriceListRef,
  PriceListReply,
  UpdatePriceListRequest,
} from './price-list.commands';
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
  AdminListShippingOptionsQuery,
  AdminShippingOptionList,
  CreateShippingOptionRequest,
  ListCartShippingOptionsRequest,
  ListShippingOptionsQuery,
  QuoteShippingOptionRequest,
  ShippingOptionList,
  ShippingOptionQuote,
  ShippingOptionReply,
  ShippingProfile,
  ShippingProfileReply,
  ShippingRef,
  CreateShippingProfileRequest,
  UpdateShippingOptionRequest,
  UpdateShippingProfileRequest,
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
  TaxonomyRecord,
  TypeList,
} from './taxonomy.commands';

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

  /** The merchant's products (any status), newest first: `q`, `status`, paging. */
  adminListProducts: command<AdminListProductsQuery, AdminProductList>('catalog.product.admin-list'),
  /** One product of any status, with every relation; `not_found` when there is none. */
  adminGetProduct: command<ProductRef, ProductReply>('catalog.product.admin-get'),
  /** A product with its options, variants, prices and stock, in one transaction; once per key. */
  createProduct: command<CreateProductRequest, ProductReply>('catalog.product.create'),
  /** Changes a product's fields and links; once per key. */
  updateProduct: command<UpdateProductRequest, ProductReply>('catalog.product.update'),
  /** Deletes a product and its variants (softly); once per key. */
  deleteProduct: command<ProductRef, DeletedReply>('catalog.product.delete'),
  /** Adds a variant (option values, prices, stock) to a product; once per key. */
  createVariant: command<CreateVariantRequest, ProductReply>('catalog.variant.create'),
  /** Changes a variant: fields, prices (replaced), stock (`inventory_quantity`); once per key. */
  updateVariant: command<UpdateVariantRequest, ProductReply>('catalog.variant.update'),
  /** Deletes a variant (softly); once per key. */
  deleteVariant: command<ProductVariantRef, VariantDeletedReply>('catalog.variant.delete'),
  /** Adds an option to a product (its variants get "Default Value"); once per key. */
  addProductOption: command<ProductOptionRequest, ProductReply>('catalog.product-option.create'),
  updateProductOption: command<UpdateProductOptionRequest, ProductReply>('catalog.product-option.update'),
  /** Deletes an option while the variants stay told apart (400 otherwise); once per key. */
  deleteProductOption: command<ProductOptionRef, OptionDeletedReply>('catalog.product-option.delete'),

  /**
   * Loads a catalog document (regions, collections, categories, products, shipping options) by
   * key, one transaction per entry, and reports what was created, updated, unchanged and refused.
   * Safe to retry: a document loaded again changes nothing.
   */
  importCatalog: command<ImportCatalogRequest, ImportReport>('catalog.import.run'),
  /** The merchant's price lists, newest first: `q`, `status`, `type`, paging. */
  listPriceLists: command<ListPriceListsQuery, PriceListList>('catalog.price-list.list'),
  getPriceList: command<PriceListRef, PriceListReply>('catalog.price-list.get'),
  /** A sale or override list with its groups and prices, in one transaction; once per key. */
  createPriceList: command<CreatePriceListRequest, PriceListReply>('catalog.price-list.create'),
  /** Changes a list's fields, replaces its groups when given, adds the prices given; once per key. */
  updatePriceList: command<UpdatePriceListRequest, PriceListReply>('catalog.price-list.update'),
  deletePriceList: command<PriceListRef, DeletedReply>('catalog.price-list.delete'),
  /** Adds prices to a list (`override`: replaces them all); once per key. */
  addPriceListPrices: command<AddPriceListPricesRequest, PriceListReply>('catalog.price-list.add-prices'),
  deletePriceListPrices: command<DeletePriceListPricesRequest, DeletedPricesReply>(
    'catalog.price-list.delete-prices',
  ),

  /** A variant's stock, open reservations and last adjustments, for the merchant. */
  variantInventory: command<VariantInventoryRequest, VariantInventoryReply>('catalog.inventory.admin-get'),
  /** Changes a variant's stock by a delta with a reason, never below what is reserved; once per key. */
  adjustInventory: command<AdjustInventoryRequest, VariantInventoryReply>('catalog.inventory.adjust'),
  /** The merchant's shipping options, admin-only ones too: `{ shipping_options, count }`. */
  adminListShippingOptions: command<AdminListShippingOptionsQuery, AdminShippingOptionList>(
    'catalog.shipping-option.admin-list',
  ),
  /** A flat-rate shipping option of a region; once per key. */
  createShippingOption: command<CreateShippingOptionRequest, ShippingOptionReply>(
    'catalog.shipping-option.create',
  ),

  adminGetShippingOption: command<ShippingRef, ShippingOptionReply>('catalog.shipping-option.admin-get'),
  /** Changes an option (requirements given replace its own); once per key. */
  updateShippingOption: command<UpdateShippingOptionRequest, ShippingOptionReply>(
    'catalog.shipping-option.update',
  ),
  deleteShippingOption: command<ShippingRef, DeletedReply>('catalog.shipping-option.delete'),
  /** The store's shipping profiles with their products and options. */
  listShippingProfiles: command<Record<string, never>, { shipping_profiles: ShippingProfile[] }>(
    'catalog.shipping-profile.list',
  ),
  getShippingProfile: command<ShippingRef, ShippingProfileReply>('catalog.shipping-profile.get'),
  createShippingProfile: command<CreateShippingProfileRequest, ShippingProfileReply>(
    'catalog.shipping-profile.create',
  ),
  /** Changes a profile; products and options given move to it; once per key. */
  updateShippingProfile: command<UpdateShippingProfileRequest, ShippingProfileReply>(
    'catalog.shipping-profile.update',
  ),
  /** Deletes a custom profile without products (400 `not_allowed` otherwise). */
  deleteShippingProfile: command<ShippingRef, DeletedReply>('catalog.shipping-profile.delete'),

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

  /** The merchant's sales channels (`q`, 20 a page). */
  listSalesChannels: command<AdminSearchQuery, SalesChannelList>('catalog.sales-channel.list'),
  getSalesChannel: command<PublishableKeyRef, SalesChannelReply>('catalog.sales-channel.get'),
  createSalesChannel: command<CreateSalesChannelRequest, SalesChannelReply>('catalog.sales-channel.create'),
  updateSalesChannel: command<UpdateSalesChannelRequest, SalesChannelReply>('catalog.sales-channel.update'),
  /** Deletes a channel, never the default one (400 `not_allowed`). */
  deleteSalesChannel: command<PublishableKeyRef, DeletedReply>('catalog.sales-channel.delete'),
  addChannelProducts: command<ChannelProductsRequest, SalesChannelReply>(
    'catalog.sales-channel.add-products',
  ),
  removeChannelProducts: command<ChannelProductsRequest, SalesChannelReply>(
    'catalog.sales-channel.remove-products',
  ),
  /** The merchant's publishable API keys, revoked ones too. */
  listPublishableKeys: command<AdminSearchQuery, PublishableApiKeyList>('catalog.publishable-key.list'),
  getPublishableKey: command<PublishableKeyRef, PublishableApiKeyReply>('catalog.publishable-key.get'),
  publishableKeyChannels: command<PublishableKeyRef, { sales_channels: SalesChannel[] }>(
    'catalog.publishable-key.channels',
  ),
  /** Creates a key (no `id`) or renames one; once per key. */
  writePublishableKey: command<PublishableKeyWrite, PublishableApiKeyReply>('catalog.publishable-key.write'),
  /** Revokes a key for good: storefronts sending it are refused. */
  revokePublishableKey: command<PublishableKeyActorRef, PublishableApiKeyReply>(
    'catalog.publishable-key.revoke',
  ),
  deletePublishableKey: command<PublishableKeyRef, DeletedReply>('catalog.publishable-key.delete'),
  addKeyChannels: command<KeyChannelsRequest, PublishableApiKeyReply>('catalog.publishable-key.add-channels'),
  removeKeyChannels: command<KeyChannelsRequest, PublishableApiKeyReply>(
    'catalog.publishable-key.remove-channels',
  ),

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

  /** A collection of the merchant's, with its products' ids, titles and handles. */
  adminGetCollection: command<ByIdRequest, CollectionReply>('catalog.collection.admin-get'),
  /** A collection (handle from the title unless given; 422 for one in use); once per key. */
  createCollection: command<CreateCollectionRequest, CollectionReply>('catalog.collection.create'),
  updateCollection: command<UpdateCollectionRequest, CollectionReply>('catalog.collection.update'),
  /** Deletes a collection; its products have none. */
  deleteCollection: command<ByIdRequest, DeletedReply>('catalog.collection.delete'),
  /** Puts products in a collection (404 naming unknown ones, and none moved). */
  addCollectionProducts: command<CollectionProductsRequest, CollectionReply>(
    'catalog.collection.add-products',
  ),
  removeCollectionProducts: command<CollectionProductsRequest, CollectionProductsRemoved>(
    'catalog.collection.remove-products',
  ),
  /** Every category, internal and inactive ones too, with parent and children. */
  adminListCategories: command<AdminListCategoriesQuery, CategoryList>('catalog.category.admin-list'),
  adminGetCategory: command<ByIdRequest, CategoryReply>('catalog.category.admin-get'),
  createCategory: command<CreateCategoryRequest, CategoryReply>('catalog.category.create'),
  /** Changes a category; a new parent moves its subtree. */
  updateCategory: command<UpdateCategoryRequest, CategoryReply>('catalog.category.update'),
  /** Deletes a category without subcategories (400 `not_allowed` otherwise). */
  deleteCategory: command<ByIdRequest, DeletedReply>('catalog.category.delete'),
  addCategoryProducts: command<CategoryProductsRequest, CategoryReply>('catalog.category.add-products'),
  removeCategoryProducts: command<CategoryProductsRequest, CategoryReply>('catalog.category.remove-products'),
  /** A product tag or type (`kind`), as products otherwise make them by value. */
  createValue: command<CreateValueRequest, { record: TaxonomyRecord }>('catalog.value.create'),
  updateValue: command<UpdateValueRequest, { record: TaxonomyRecord }>('catalog.value.update'),
  /** Deletes a tag (products lose it) or a type (its products have none). */
  deleteValue: command<ValueRef, DeletedReply>('catalog.value.delete'),

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
  /** Every presale offer for the merchant (any status, closed ones too) with its stock and sales. */
  adminPresaleOffers: command<Record<string, never>, { presale_offers: AdminPresaleOffer[] }>(
    'catalog.presale.admin-list',
  ),
  adminPresaleOffer: command<PresaleVariantRef, AdminPresaleOfferReply>('catalog.presale.admin-get'),
  /** Puts a variant on presale or changes its terms (never below the units sold); once per key. */
  setPresaleOffer: command<SetPresaleOfferRequest, AdminPresaleOfferReply>('catalog.presale.set'),
  /** Takes a variant off presale while none of it was sold (400 `not_allowed` otherwise). */
  deletePresaleOffer: command<PresaleVariantRef, DeletedReply>('catalog.presale.delete'),
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
} as const;
