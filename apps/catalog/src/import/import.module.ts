import { Module } from '@nestjs/common';
import { AdminProductsModule } from '../admin-products/admin-products.module';
import { PresaleModule } from '../presale/presale.module';
import { RegionsModule } from '../regions/regions.module';
import { ShippingModule } from '../shipping/shipping.module';
import { TaxonomyModule } from '../taxonomy/taxonomy.module';
import { CatalogImport } from './catalog-import.service';
import { ImportHandlers } from './import.handlers';
import { ProductLoader } from './product.loader';
import { CategoryLoader, CollectionLoader, RegionLoader, ShippingOptionLoader } from './store-setup.loaders';

@Module({
  imports: [AdminProductsModule, PresaleModule, RegionsModule, ShippingModule, TaxonomyModule],
  controllers: [ImportHandlers],
  providers: [
    CatalogImport,
    RegionLoader,
    CollectionLoader,
    CategoryLoader,
    ProductLoader,
    ShippingOptionLoader,
  ],
})
export class ImportModule {}
