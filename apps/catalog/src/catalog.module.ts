import { DynamicModule, Module } from '@nestjs/common';
import { PlatformModule } from '@app/platform';
import { seedDemoStoreWhenEmpty } from './demo/demo-store.seed';
import { upsertReferenceData } from './reference/reference-data';
import { CATALOG_ENTITIES, CATALOG_MIGRATIONS } from './catalog.schema';
import { ImportModule } from './import/import.module';
import { InventoryModule } from './inventory/inventory.module';
import { PresaleModule } from './presale/presale.module';
import { PriceListsModule } from './price-lists/price-lists.module';
import { PricingModule } from './pricing/pricing.module';
import { ProductsModule } from './products/products.module';
import { AdminProductsModule } from './admin-products/admin-products.module';
import { RegionsModule } from './regions/regions.module';
import { SalesChannelsModule } from './sales-channels/sales-channels.module';
import { ShippingModule } from './shipping/shipping.module';
import { TaxonomyModule } from './taxonomy/taxonomy.module';

/** The catalog app: regions, products, sales channels, prices, shipping options, inventory and presale offers. */
@Module({})
export class CatalogModule {
  static forRoot(env?: Record<string, string | undefined>): DynamicModule {
    return {
      module: CatalogModule,
      imports: [
        PlatformModule.forApp({
          app: 'catalog',
          servesCommands: true,
          env,
          database: {
            entities: CATALOG_ENTITIES,
            migrations: CATALOG_MIGRATIONS,
            afterMigrations: upsertReferenceData,
            seedDemo: seedDemoStoreWhenEmpty,
          },
        }),
        RegionsModule,
        ProductsModule,
        AdminProductsModule,
        PricingModule,
        PriceListsModule,
        ImportModule,
        TaxonomyModule,
        ShippingModule,
        InventoryModule,
        PresaleModule,
        SalesChannelsModule,
      ],
    };
  }
}
