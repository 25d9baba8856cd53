import {
  AdminDiscountList,
  AdminDiscountReply,
  CreateDiscountRequest,
  DiscountCodeRef,
  DiscountIdRef,
  ListDiscountsQuery,
  UpdateDiscountRequest,
} from './admin-discount.commands';
import { DeletedReply } from '../catalog/admin-product.commands';
import { command } from '../common/command';
import { ShippingOptionList } from '../catalog/shipping.commands';
import {
  AddLineItemCommand,
  AddShippingMethodCommand,
  CartPricingContext,
  CartRef,
  CartReply,
  CodeInput,
  CreateCartCommand,
  DiscountConditionTargets,
  DiscountConditionTargetsQuery,
  DiscountRef,
  GiftCardReply,
  GiftCardList,
  CreateGiftCardRequest,
  ListGiftCardsQuery,
  LineItemRef,
  UpdateCartCommand,
  UpdateLineItemCommand,
} from './cart.commands';
import { PaymentSessionRef, UpdatePaymentSessionCommand } from './payment-session.commands';
import { CompleteCartReply } from './checkout.commands';
import { CreateSwapCartCommand } from '../order/swap.commands';

/**
 * Commands the cart app answers. Every write is idempotent under an Idempotency-Key (a retry
 * replays the first reply) and refused on a completed cart (`cart_incompatible_state`).
 */
export const CartCommands = {
  create: command<CreateCartCommand, CartReply>('cart.cart.create'),
  /** The cart of a swap (type `swap`): new items, and the returned ones at negative prices; once per swap. */
  createSwapCart: command<CreateSwapCartCommand, CartReply>('cart.cart.create-swap'),
  get: command<CartRef, CartReply>('cart.cart.get'),
  update: command<UpdateCartCommand, CartReply>('cart.cart.update'),
  /** Adds a variant (merging into a line of the same variant and metadata); removes shipping methods. */
  addLineItem: command<AddLineItemCommand, CartReply>('cart.line-item.add'),
  /** Sets a line's quantity (0 removes it); removes shipping methods. */
  updateLineItem: command<UpdateLineItemCommand, CartReply>('cart.line-item.update'),
  deleteLineItem: command<LineItemRef, CartReply>('cart.line-item.delete'),
  /** One shipping method per shipping profile: a new one replaces the profile's old one. */
  addShippingMethod: command<AddShippingMethodCommand, CartReply>('cart.shipping-method.add'),
  /** The cart with its taxes computed (Medusa's `POST /store/carts/{id}/taxes`). */
  calculateTaxes: command<CartRef, CartReply>('cart.cart.calculate-taxes'),
  removeDiscount: command<DiscountRef, CartReply>('cart.discount.remove'),
  discountConditionTargets: command<DiscountConditionTargetsQuery, DiscountConditionTargets>(
    'cart.discount-condition.targets',
  ),
  /** The store shipping options the cart may use now (its region, its items' profiles, requirements met). */
  listShippingOptions: command<CartRef, ShippingOptionList>('cart.shipping-option.list'),
  /** Region, currency and customer of a cart, to price products for it. */
  pricingContext: command<CartRef, CartPricingContext>('cart.cart.pricing-context'),
  getGiftCard: command<CodeInput, GiftCardReply>('cart.gift-card.get'),
  /** `POST /admin/gift-cards`: a gift card of a region with a new code (`XXXX-XXXX-XXXX-XXXX`). */
  createGiftCard: command<CreateGiftCardRequest, GiftCardReply>('cart.gift-card.create'),
  /** `GET /admin/gift-cards`: newest first, a page at a time. */
  listGiftCards: command<ListGiftCardsQuery, GiftCardList>('cart.gift-card.list'),
  /** The merchant's discounts (`q` on the code, `is_disabled`, 20 a page). */
  listDiscounts: command<ListDiscountsQuery, AdminDiscountList>('cart.discount.list'),
  getDiscount: command<DiscountIdRef, AdminDiscountReply>('cart.discount.get'),
  /** The live discount of a code, whatever its case (404 otherwise). */
  getDiscountByCode: command<DiscountCodeRef, AdminDiscountReply>('cart.discount.get-by-code'),
  /** A discount with its rule, conditions and regions (404 for an unknown region); once per key. */
  createDiscount: command<CreateDiscountRequest, AdminDiscountReply>('cart.discount.create'),
  /** Changes a discount (`is_disabled` disables it); once per key. */
  updateDiscount: command<UpdateDiscountRequest, AdminDiscountReply>('cart.discount.update'),
  deleteDiscount: command<DiscountIdRef, DeletedReply>('cart.discount.delete'),
  /**
   * Medusa's `setPaymentSessions`: a session per provider of the cart's region for the cart's total
   * (none when the total is 0); existing ones follow the total.
   */
  createPaymentSessions: command<CartRef, CartReply>('cart.payment-session.create'),
  /** Selects the provider's session and opens it at the provider (hosted page, app-pay parameters…). */
  selectPaymentSession: command<PaymentSessionRef, CartReply>('cart.payment-session.select'),
  updatePaymentSession: command<UpdatePaymentSessionCommand, CartReply>('cart.payment-session.update'),
  /** A fresh provider session for the same total (a new hosted page when the old one expired). */
  refreshPaymentSession: command<PaymentSessionRef, CartReply>('cart.payment-session.refresh'),
  deletePaymentSession: command<PaymentSessionRef, CartReply>('cart.payment-session.delete'),
  /**
   * Medusa's `POST /store/carts/{id}/complete`: the checkout saga. Answers Medusa's status and body:
   * 200 `{type: "order"}`, 200 `{type: "cart", payment_status: "requires_more"}` (pay first), or 409
   * `{errors: [{code: "insufficient_inventory"}]}`. Completing a completed cart answers its order.
   */
  complete: command<CartRef, CompleteCartReply>('cart.cart.complete'),
  /**
   * `POST /store/carts/{id}/submit` (提交订单): the checkout without a payment, placing the order
   * `not_paid` with its `pay_expire`; the signed-in owner only. Answers as `complete` does.
   */
  submit: command<CartRef, CompleteCartReply>('cart.cart.submit'),
} as const;
