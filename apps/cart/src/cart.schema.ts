import { CreateCarts1767225900000 } from './migrations/1767225900000-create-carts';
import { CreatePaymentSessions1767226000000 } from './migrations/1767226000000-create-payment-sessions';
import { CreateCheckouts1767226300000 } from './migrations/1767226300000-create-checkouts';
import { CheckoutSaga1767226500000 } from './migrations/1767226500000-checkout-saga';
import { CartVersion1767226600000 } from './migrations/1767226600000-cart-version';
import { OneSelectedSession1767230200000 } from './migrations/1767230200000-one-selected-session';
import { CheckoutMode1767231100000 } from './migrations/1767231100000-checkout-mode';
import { GiftCardLedger1767232500000 } from './migrations/1767232500000-gift-card-ledger';
import { SwapCarts1767232600000 } from './migrations/1767232600000-swap-carts';
import { CartSalesChannel1767232800000 } from './migrations/1767232800000-cart-sales-channel';
import { OpenCartsByChannel1767233300000 } from './migrations/1767233300000-open-carts-by-channel';

/** The cart schema's migrations, oldest first (the platform's tables come before them). */
export const CART_MIGRATIONS = [
  CreateCarts1767225900000,
  CreatePaymentSessions1767226000000,
  CreateCheckouts1767226300000,
  CheckoutSaga1767226500000,
  CartVersion1767226600000,
  OneSelectedSession1767230200000,
  CheckoutMode1767231100000,
  GiftCardLedger1767232500000,
  SwapCarts1767232600000,
  CartSalesChannel1767232800000,
  OpenCartsByChannel1767233300000,
];
