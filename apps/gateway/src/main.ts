import 'reflect-metadata';
import { runApp } from '@app/platform';
import { GatewayModule } from './gateway.module';
import { gatewayStartOptions } from './gateway.setup';

runApp(() => GatewayModule.forRoot(), gatewayStartOptions);
