import 'reflect-metadata';
import { runApp } from '@app/platform';
import { CustomerModule } from './customer.module';

runApp(() => CustomerModule.forRoot());
