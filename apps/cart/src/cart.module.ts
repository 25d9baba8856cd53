import { DynamicModule, Module } from '@nestjs/common';
import { PlatformModule } from '@app/platform';

/** The cart app: carts, line items, totals and the checkout saga. It owns the `cart` schema. */
@Module({})
export class CartModule {
  static forRoot(env?: Record<string, string | undefined>): DynamicModule {
    return {
      module: CartModule,
      imports: [
        PlatformModule.forApp({
          app: 'cart',
          servesCommands: true,
          env,
          database: { entities: [], migrations: [] },
        }),
      ],
    };
  }
}
