import { DynamicModule, Module } from '@nestjs/common';
import { PlatformModule } from '@app/platform';

/** The order app: orders, display ids, order status, presale orders and pay-now. It owns the `order` schema. */
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
          database: { entities: [], migrations: [] },
        }),
      ],
    };
  }
}
