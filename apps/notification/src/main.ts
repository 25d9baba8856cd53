import 'reflect-metadata';
import { runApp } from '@app/platform';
import { NotificationModule } from './notification.module';

runApp(() => NotificationModule.forRoot());
