import { Global, Module } from '@nestjs/common';
import { CatalogDb } from './catalog-db.service';

@Global()
@Module({ providers: [CatalogDb], exports: [CatalogDb] })
export class SqlModule {}
