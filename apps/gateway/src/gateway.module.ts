import { DynamicModule, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { checkConfiguration, loadPlatformConfig, PlatformModule } from '@app/platform';
import { AdminCatalogImportController } from './admin/admin-catalog-import.controller';
import { AdminCollectionsController } from './admin/admin-collections.controller';
import { AdminProductCategoriesController } from './admin/admin-product-categories.controller';
import { AdminProductValuesController } from './admin/admin-product-values.controller';
import { AdminSalesChannelsController } from './admin/admin-sales-channels.controller';
import { AdminPublishableKeysController } from './admin/admin-publishable-keys.controller';
import { AdminShippingProfilesController } from './admin/admin-shipping-profiles.controller';
import { AdminPresaleController } from './admin/admin-presale.controller';
import { AdminCustomersController } from './admin/admin-customers.controller';
import { AdminDiscountsController } from './admin/admin-discounts.controller';
import { CustomerGroupDirectory } from './admin/customer-group-directory';
import { AdminCustomerGroupsController } from './admin/admin-customer-groups.controller';
import { AdminGiftCardsController } from './admin/admin-gift-cards.controller';
import { AdminPriceListsController } from './admin/admin-price-lists.controller';
import { AdminInventoryController } from './admin/admin-inventory.controller';
import { AdminProductsController } from './admin/admin-products.controller';
import { AdminRegionsController } from './admin/admin-regions.controller';
import { AdminShippingOptionsController } from './admin/admin-shipping-options.controller';
import { AdminOrdersController } from './admin/admin-orders.controller';
import { AdminAuthController } from './auth/admin-auth.controller';
import { AUTH_CONFIG, loadAuthConfig } from './auth/auth-config';
import { Authenticator } from './auth/authenticator.service';
import { SignIn } from './auth/sign-in.service';
import { StoreAuthController } from './auth/store-auth.controller';
import { CustomersController } from './customers/customers.controller';
import { PointsController } from './points/points.controller';
import { loadPresaleConfig, PRESALE_CONFIG } from './presale/presale-config';
import { PresaleController } from './presale/presale.controller';
import { CartPricing } from './carts/cart-pricing';
import { PublishableKeys } from './sales-channels/publishable-keys';
import { CartsController } from './carts/carts.controller';
import { CheckoutController } from './carts/checkout.controller';
import { PaymentSessionsController } from './carts/payment-sessions.controller';
import { OrdersController } from './orders/orders.controller';
import { ReturnsController } from './orders/returns.controller';
import { SwapsController } from './orders/swaps.controller';
import { PaymentCollectionsController } from './orders/payment-collections.controller';
import { OrderEditsController } from './orders/order-edits.controller';
import { AdminOrderEditsController } from './admin/admin-order-edits.controller';
import { OrderPaymentWatch } from './pay-now/order-payment-watch.service';
import { PayNowController } from './pay-now/pay-now.controller';
import { PaymentHooksController } from './hooks/payment-hooks.controller';
import { ProductsController } from './products/products.controller';
import { VariantsController } from './products/variants.controller';
import { RegionsController } from './regions/regions.controller';
import { ShippingOptionsController } from './shipping/shipping-options.controller';
import { TaxonomyController } from './taxonomy/taxonomy.controller';
import { ApiDocuments } from './docs/api-document';
import { DocsController } from './docs/docs.controller';
import { RouteCatalog } from './docs/route-catalog';

/** The HTTP edge: the Medusa v1 store API, mapped to commands. No database. */
@Module({})
export class GatewayModule {
  static forRoot(env?: Record<string, string | undefined>): DynamicModule {
    const environment = env ?? process.env;
    // Every bad variable of every configuration named at once.
    checkConfiguration(
      () => loadPlatformConfig('gateway', environment),
      () => loadAuthConfig(environment),
      () => loadPresaleConfig(environment),
    );
    return {
      module: GatewayModule,
      imports: [PlatformModule.forApp({ app: 'gateway', servesCommands: false, env }), DiscoveryModule],
      controllers: [
        RegionsController,
        ProductsController,
        VariantsController,
        TaxonomyController,
        ShippingOptionsController,
        CartsController,
        PaymentSessionsController,
        CheckoutController,
        PayNowController,
        OrdersController,
        PaymentHooksController,
        StoreAuthController,
        CustomersController,
        AdminAuthController,
        PointsController,
        PresaleController,
        AdminOrdersController,
        ReturnsController,
        SwapsController,
        PaymentCollectionsController,
        OrderEditsController,
        AdminOrderEditsController,
        AdminGiftCardsController,
        AdminRegionsController,
        AdminProductsController,
        AdminShippingOptionsController,
        AdminInventoryController,
        AdminCustomerGroupsController,
        AdminPriceListsController,
        AdminCatalogImportController,
        AdminCollectionsController,
        AdminProductCategoriesController,
        AdminProductValuesController,
        AdminSalesChannelsController,
        AdminPublishableKeysController,
        AdminShippingProfilesController,
        AdminPresaleController,
        AdminDiscountsController,
        AdminCustomersController,
        DocsController,
      ],
      providers: [
        CartPricing,
        PublishableKeys,
        RouteCatalog,
        ApiDocuments,
        { provide: AUTH_CONFIG, useValue: loadAuthConfig(env ?? process.env) },
        Authenticator,
        SignIn,
        OrderPaymentWatch,
        CustomerGroupDirectory,
        { provide: PRESALE_CONFIG, useValue: loadPresaleConfig(env ?? process.env) },
      ],
    };
  }
}
