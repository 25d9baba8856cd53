import { Module } from '@nestjs/common';
import { AdminProductsModule } from '../admin-products/admin-products.module';
import { PresaleModule } from '../presale/presale.module';
import { PriceListsModule } from '../price-lists/price-lists.module';
import { RegionsModule } from '../regions/regions.module';
import { ShippingModule } from '../shipping/shipping.module';
import { TaxonomyModule } from '../taxonomy/taxonomy.module';
import { CatalogImport } from './catalog-import.service';
import { ImportHandlers } from './import.handlers';
import { PriceListLoader } from './price-list.loader';
import { ProductLoader } from './product.loader';
import { ProductTagLoader, ProductTypeLoader } from './product-value.loaders';
import { CategoryLoader, CollectionLoader, RegionLoader, ShippingOptionLoader } from './store-setup.loaders';

@Module({
  imports: [
    AdminProductsModule,
    PresaleModule,
    PriceListsModule,
    RegionsModule,
    ShippingModule,
    TaxonomyModule,
  ],
  controllers: [ImportHandlers],
  providers: [
    CatalogImport,
    RegionLoader,
    CollectionLoader,
    CategoryLoader,
    ProductTypeLoader,
    ProductTagLoader,
    ProductLoader,
    ShippingOptionLoader,
    PriceListLoader,
  ],
  exports: [CatalogImport],
})
export class ImportModule {}
