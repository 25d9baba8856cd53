import 'reflect-metadata';
import { runApp } from '@app/platform';
import { CatalogModule } from './catalog.module';

runApp(() => CatalogModule.forRoot());
