import { DynamicModule } from '@nestjs/common';
import { AppName, StartOptions } from '@app/platform';
import { CartModule } from '../../apps/cart/src/cart.module';
import { CatalogModule } from '../../apps/catalog/src/catalog.module';
import { CustomerModule } from '../../apps/customer/src/customer.module';
import { GatewayModule } from '../../apps/gateway/src/gateway.module';
import { gatewayStartOptions } from '../../apps/gateway/src/gateway.setup';
import { NotificationModule } from '../../apps/notification/src/notification.module';
import { OrderModule } from '../../apps/order/src/order.module';
import { PaymentModule } from '../../apps/payment/src/payment.module';

type Env = Record<string, string | undefined>;

/** How tests boot each app in-process: its root module and start options, as its main.ts does. */
export const APPS: Record<AppName, { module: (env: Env) => DynamicModule; options?: StartOptions }> = {
  gateway: { module: (env) => GatewayModule.forRoot(env), options: gatewayStartOptions },
  catalog: { module: (env) => CatalogModule.forRoot(env) },
  cart: { module: (env) => CartModule.forRoot(env) },
  order: { module: (env) => OrderModule.forRoot(env) },
  payment: { module: (env) => PaymentModule.forRoot(env) },
  notification: { module: (env) => NotificationModule.forRoot(env) },
  customer: { module: (env) => CustomerModule.forRoot(env) },
};
