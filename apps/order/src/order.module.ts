import { DynamicModule, Module } from '@nestjs/common';
import { checkConfiguration, loadPlatformConfig, PlatformModule } from '@app/platform';
import { CreateOrders1767226200000 } from './migrations/1767226200000-create-orders';
import { AddPaymentReferences1767226400000 } from './migrations/1767226400000-add-payment-references';
import { OrderClaims1767230800000 } from './migrations/1767230800000-order-claims';
import { PayLater1767231200000 } from './migrations/1767231200000-pay-later';
import { PresaleOrders1767231700000 } from './migrations/1767231700000-presale-orders';
import { OrderRefunds1767231900000 } from './migrations/1767231900000-order-refunds';
import { ReturnReasons1767232000000 } from './migrations/1767232000000-return-reasons';
import { Fulfillments1767232100000 } from './migrations/1767232100000-fulfillments';
import { Returns1767232300000 } from './migrations/1767232300000-returns';
import { Swaps1767232600000 } from './migrations/1767232600000-swaps';
import { OrderEdits1767232700000 } from './migrations/1767232700000-order-edits';
import { loadOrderConfig } from './config/order-config';
import { OrdersModule } from './orders/orders.module';

/**
 * The order app: orders placed once per cart, with sequential display ids, and their payments
 * — paid before they are placed, or submitted and paid afterwards within their window (seed 002).
 * It owns the `order` schema.
 */
@Module({})
export class OrderModule {
  static forRoot(env?: Record<string, string | undefined>): DynamicModule {
    const environment = env ?? process.env;
    // Every bad variable of every configuration named at once.
    checkConfiguration(
      () => loadPlatformConfig('order', environment),
      () => loadOrderConfig(environment),
    );
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
              PayLater1767231200000,
              PresaleOrders1767231700000,
              OrderRefunds1767231900000,
              ReturnReasons1767232000000,
              Fulfillments1767232100000,
              Returns1767232300000,
              Swaps1767232600000,
              OrderEdits1767232700000,
            ],
          },
        }),
        OrdersModule.withConfig(loadOrderConfig(env ?? process.env)),
      ],
    };
  }
}
