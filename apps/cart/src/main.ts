import 'reflect-metadata';
import { runApp } from '@app/platform';
import { CartModule } from './cart.module';

runApp(() => CartModule.forRoot());
