import 'reflect-metadata';
import { runApp } from '@app/platform';
import { OrderModule } from './order.module';

runApp(() => OrderModule.forRoot());
