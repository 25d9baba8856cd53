import { DynamicModule, Module } from '@nestjs/common';
import { PlatformModule } from '@app/platform';
import { CART_MIGRATIONS } from './cart.schema';
import { CartsModule } from './carts/carts.module';
import { seedDemoDiscountsWhenEmpty } from './demo/demo-discounts.seed';

/**
 * The cart app: carts, line items, addresses, discounts, gift cards, shipping methods and totals
 * (the checkout saga comes with its issue). It owns the `cart` schema.
 */
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
          database: {
            entities: [],
            migrations: CART_MIGRATIONS,
            afterMigrations: seedDemoDiscountsWhenEmpty,
          },
        }),
        CartsModule,
      ],
    };
  }
}
