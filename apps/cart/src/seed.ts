import 'reflect-metadata';
import { runSeed } from '@app/platform';
import { CART_MIGRATIONS } from './cart.schema';
import { upsertDemoDiscounts } from './demo/demo-discounts.seed';

/** `npm run seed`: upserts the cart app's demo discounts and gift cards. */
runSeed('cart', { entities: [], migrations: CART_MIGRATIONS }, upsertDemoDiscounts).then(
  () => process.stdout.write('cart: demo discounts and gift cards upserted\n'),
  (error: unknown) => {
    process.stderr.write(`cart: seeding failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
