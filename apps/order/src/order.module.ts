import { DynamicModule, Module } from '@nestjs/common';
import { PlatformModule } from '@app/platform';
import { CreateOrders1767226200000 } from './migrations/1767226200000-create-orders';
import { AddPaymentReferences1767226400000 } from './migrations/1767226400000-add-payment-references';
import { OrderClaims1767230800000 } from './migrations/1767230800000-order-claims';
import { OrdersModule } from './orders/orders.module';

/**
 * The order app: orders placed once per cart, with sequential display ids, and their payments
 * (fulfillment, presale orders and pay-now come with their issues). It owns the `order` schema.
 */
@Module({})
export class OrderModule {
  static forRoot(env?: Record<string, string | undefined>): DynamicModule {
    return {
      module: OrderModule,
      imports: [
        PlatformModule.forApp({
          app: 'order',
          servesCommands: true,
          env,
          database: {
            entities: [],
            migrations: [
              CreateOrders1767226200000,
              AddPaymentReferences1767226400000,
              OrderClaims1767230800000,
            ],
          },
        }),
        OrdersModule,
      ],
    };
  }
}
