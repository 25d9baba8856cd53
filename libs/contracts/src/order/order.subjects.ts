import { command } from '../common/command';
import {
  AdminOrdersQuery,
  CreateOrderCommand,
  CustomerOrderRef,
  CustomerOrdersQuery,
  CustomerOrdersReply,
  OrderByCart,
  OrderClaimCommand,
  OrderClaimConfirmCommand,
  OrderFulfillmentCommand,
  OrderLookupQuery,
  OrderPaymentRef,
  OrderPaymentsQuery,
  OrderPaymentView,
  OrderQuery,
  OrderRef,
  OrderRefundCommand,
  OrderReply,
  OrderShipmentCommand,
} from './order.commands';
import { OrderPaymentStatusReply, PayOrderCommand, PayOrderReply } from './order-pay.commands';
import { CreateReturnReasonRequest, ReturnReason, ReturnReasonRef } from './return-reason.commands';
import { CreateReturnRequest, ReceiveReturnCommand, ReturnView } from './return.commands';
import { ConfirmSwapCommand, CreateSwapRequest, SwapByCart, SwapReply } from './swap.commands';
import {
  AddOrderEditItemCommand,
  CreateOrderEditCommand,
  DeclineOrderEditCommand,
  OrderEditItemRef,
  OrderEditRef,
  OrderEditReply,
  RequestOrderEditCommand,
  UpdateOrderEditItemCommand,
} from './order-edit.commands';
import {
  PresaleQuote,
  PresaleQuoteCommand,
  PresaleSubmitCommand,
  PresaleSubmitReply,
} from './presale.commands';

/** Commands the order app answers. */
export const OrderCommands = {
  /** One order per cart: a repeat returns the order placed first. */
  createFromCart: command<CreateOrderCommand, OrderReply>('order.order.create-from-cart'),
  get: command<OrderQuery, OrderReply>('order.order.get'),
  getByCart: command<OrderByCart, OrderReply>('order.order.get-by-cart'),
  lookup: command<OrderLookupQuery, OrderReply>('order.order.lookup'),
  /** Mails a claim token to the email of each guest order named (one mail per email). */
  requestClaim: command<OrderClaimCommand, { requested: true }>('order.claim.request'),
  /** Moves the guest orders of a claim token to the customer who asked (once). */
  confirmClaim: command<OrderClaimConfirmCommand, { claimed: number }>('order.claim.confirm'),
  /** A customer's orders, newest first, a page at a time. */
  listByCustomer: command<CustomerOrdersQuery, CustomerOrdersReply>('order.order.list-by-customer'),
  /** `GET /admin/orders`: every order, filtered and paged as Medusa's admin lists them. */
  listAll: command<AdminOrdersQuery, CustomerOrdersReply>('order.order.list'),
  /**
   * `POST /admin/orders/{id}/refund`: gives back part of what the order's payments took — money at
   * their providers, points to the ledger — never more than is left (idempotent under its key).
   */
  refund: command<OrderRefundCommand, OrderReply>('order.order.refund'),
  /** `POST /admin/orders/{id}/fulfillment`: items of the order fulfilled (never more than were bought). */
  fulfill: command<OrderFulfillmentCommand, OrderReply>('order.order.fulfill'),
  /** `POST /admin/orders/{id}/shipment`: a fulfillment shipped, with its tracking numbers. */
  ship: command<OrderShipmentCommand, OrderReply>('order.order.ship'),
  /** `POST /admin/orders/{id}/capture`: takes the order's authorized money (once). */
  capture: command<OrderRef, OrderReply>('order.order.capture'),
  /**
   * `POST /admin/orders/{id}/cancel`: an order not paid yet is canceled (its authorized money voided,
   * its stock back); one whose money was taken is refused (refund it).
   */
  cancelByMerchant: command<OrderRef, OrderReply>('order.order.cancel-by-merchant'),
  /** 取消订单: the customer cancels their unpaid order (stock and held points go back); a paid one is refused. */
  cancelByCustomer: command<CustomerOrderRef, OrderReply>('order.order.cancel-by-customer'),
  /**
   * Seed 002's 立即支付: pays the customer's unpaid order with WeChat, Alipay, points or a mix (a new
   * payment supersedes the open one); answers the wallet's parameters, or none when points paid it.
   */
  pay: command<PayOrderCommand, PayOrderReply>('order.order.pay'),
  /** Where the customer's order's payment stands (paid, still due). */
  paymentStatus: command<CustomerOrderRef, OrderPaymentStatusReply>('order.order.payment-status'),
  /**
   * Seed 004's presale settle and compute: what buying a presale unit costs the signed-in customer
   * (deposit now, balance later), with the delivery way and points chosen.
   */
  presaleQuote: command<PresaleQuoteCommand, PresaleQuote>('order.presale.quote'),
  /**
   * Seed 004's presale submit: the order of a presale purchase, its presale units taken, its deposit
   * due within `PRESALE_DEPOSIT_WINDOW_MINUTES` (paid through pay-now), its balance in the offer's window.
   */
  presaleSubmit: command<PresaleSubmitCommand, PresaleSubmitReply>('order.presale.submit'),
  /** Return reasons (Medusa's): the top-level ones with their children, one with its parent and children, a new one. */
  listReturnReasons: command<Record<string, never>, { return_reasons: ReturnReason[] }>(
    'order.return-reason.list',
  ),
  getReturnReason: command<ReturnReasonRef, { return_reason: ReturnReason }>('order.return-reason.get'),
  createReturnReason: command<CreateReturnReasonRequest, { return_reason: ReturnReason }>(
    'order.return-reason.create',
  ),
  /**
   * `POST /store/returns`: a return of an order's fulfilled items not returned yet, with its reasons
   * and return shipping; the refund it will bring is their worth less that shipping.
   */
  createReturn: command<CreateReturnRequest, { return: ReturnView }>('order.return.create'),
  /**
   * `POST /admin/returns/{id}/receive`: the items are back — restocked, the money refunded through
   * the order's payments (points to the ledger), the order `returned` or `partially_returned`.
   */
  receiveReturn: command<ReceiveReturnCommand, { return: ReturnView }>('order.return.receive'),
  /**
   * `POST /store/swaps`: a swap of an order's fulfilled items for new ones — its return requested and
   * its cart made, whose total is the difference; once per Idempotency-Key.
   */
  createSwap: command<CreateSwapRequest, SwapReply>('order.swap.create'),
  /** `GET /store/swaps/{cart_id}`. */
  getSwapByCart: command<SwapByCart, SwapReply>('order.swap.get-by-cart'),
  /** A swap's cart completed: the swap confirmed with its new items and payment (once per swap). */
  confirmSwap: command<ConfirmSwapCommand, SwapReply>('order.swap.confirm'),
  /** `POST /admin/order-edits`: an edit of the order's lines (one active edit per order). */
  createOrderEdit: command<CreateOrderEditCommand, OrderEditReply>('order.edit.create'),
  getOrderEdit: command<OrderEditRef, OrderEditReply>('order.edit.get'),
  addOrderEditItem: command<AddOrderEditItemCommand, OrderEditReply>('order.edit.item.add'),
  updateOrderEditItem: command<UpdateOrderEditItemCommand, OrderEditReply>('order.edit.item.update'),
  removeOrderEditItem: command<OrderEditItemRef, OrderEditReply>('order.edit.item.remove'),
  /** The customer is asked to confirm; a positive difference gets a payment collection. */
  requestOrderEdit: command<RequestOrderEditCommand, OrderEditReply>('order.edit.request'),
  /** The customer confirms (its payment collection authorized): the order's lines become the edit's. */
  completeOrderEdit: command<OrderEditRef, OrderEditReply>('order.edit.complete'),
  declineOrderEdit: command<DeclineOrderEditCommand, OrderEditReply>('order.edit.decline'),
  /** Seed 001: an order's payments, their count, one of them. */
  listPayments: command<OrderPaymentsQuery, { payments: Partial<OrderPaymentView>[] }>('order.payment.list'),
  countPayments: command<OrderRef, { count: number }>('order.payment.count'),
  getPayment: command<OrderPaymentRef, { payment: Partial<OrderPaymentView> }>('order.payment.get'),
} as const;
