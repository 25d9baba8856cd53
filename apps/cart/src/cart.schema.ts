import { CreateCarts1767225900000 } from './migrations/1767225900000-create-carts';

/** The cart schema's migrations, oldest first (the platform's tables come before them). */
export const CART_MIGRATIONS = [CreateCarts1767225900000];
