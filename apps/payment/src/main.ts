import 'reflect-metadata';
import { runApp } from '@app/platform';
import { PaymentModule } from './payment.module';

runApp(() => PaymentModule.forRoot());
