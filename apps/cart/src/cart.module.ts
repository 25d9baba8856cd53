import { DynamicModule, Module } from '@nestjs/common';
import { checkConfiguration, loadPlatformConfig, PlatformModule } from '@app/platform';
import { CART_MIGRATIONS } from './cart.schema';
import { CartsModule } from './carts/carts.module';
import { loadCheckoutConfig } from './checkout/checkout.config';
import { seedDemoDiscountsWhenEmpty } from './demo/demo-discounts.seed';

/**
 * The cart app: carts, line items, addresses, discounts, gift cards, shipping methods and totals
 * and the checkout saga. It owns the `cart` schema.
 */
@Module({})
export class CartModule {
  static forRoot(env?: Record<string, string | undefined>): DynamicModule {
    const environment = env ?? process.env;
    // Every bad variable of every configuration named at once.
    checkConfiguration(
      () => loadPlatformConfig('cart', environment),
      () => loadCheckoutConfig(environment),
    );
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
            seedDemo: seedDemoDiscountsWhenEmpty,
          },
        }),
        CartsModule.forRoot(loadCheckoutConfig(env ?? process.env)),
      ],
    };
  }
}
