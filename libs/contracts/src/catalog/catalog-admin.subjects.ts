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
} from './presale.commands';
import { SalesChannel, SalesChannelReply } from './sales-channel';
import { AdjustInventoryRequest, VariantInventoryReply, VariantInventoryRequest } from './inventory.commands';
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
  CatalogReferencesRequest,
  CategoryProductsRequest,
  CollectionProductsRemoved,
  CollectionProductsRequest,
  CreateCategoryRequest,
  CreateCollectionRequest,
  CreateValueRequest,
  MissingReferences,
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
import { ProductReply } from './product.commands';
import {
  AdminListShippingOptionsQuery,
  AdminShippingOptionList,
  CreateShippingOptionRequest,
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
  CollectionReply,
  TaxonomyRecord,
} from './taxonomy.commands';

/**
 * Commands the catalog app answers for the merchant's admin routes (part of `CatalogCommands`):
 * products, options and variants, stock, price lists, shipping options and profiles, sales channels and
 * publishable keys, collections, categories, tags and types, presale offers, and the import.
 */
export const CatalogAdminCommands = {
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
  /** Which of the products, types, collections and tags named do not exist (a discount's conditions). */
  missingReferences: command<CatalogReferencesRequest, MissingReferences>('catalog.reference.missing'),
  /** Every presale offer for the merchant (any status, closed ones too) with its stock and sales. */
  adminPresaleOffers: command<Record<string, never>, { presale_offers: AdminPresaleOffer[] }>(
    'catalog.presale.admin-list',
  ),
  adminPresaleOffer: command<PresaleVariantRef, AdminPresaleOfferReply>('catalog.presale.admin-get'),
  /** Puts a variant on presale or changes its terms (never below the units sold); once per key. */
  setPresaleOffer: command<SetPresaleOfferRequest, AdminPresaleOfferReply>('catalog.presale.set'),
  /** Takes a variant off presale while none of it was sold (400 `not_allowed` otherwise). */
  deletePresaleOffer: command<PresaleVariantRef, DeletedReply>('catalog.presale.delete'),
} as const;
