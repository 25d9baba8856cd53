import { DynamicModule, Module } from '@nestjs/common';
import { PlatformModule } from '@app/platform';
import { seedDemoStoreWhenEmpty } from './demo/demo-store.seed';
import { CATALOG_ENTITIES, CATALOG_MIGRATIONS } from './catalog.schema';
import { RegionsModule } from './regions/regions.module';

/** The catalog app: regions now; products, prices, shipping options and inventory next. */
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
            seedWhenEmpty: seedDemoStoreWhenEmpty,
          },
        }),
        RegionsModule,
      ],
    };
  }
}
