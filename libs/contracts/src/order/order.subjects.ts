import { command } from '../common/command';
import { CreateOrderCommand, OrderByCart, OrderLookupQuery, OrderRef, OrderReply } from './order.commands';

/** Commands the order app answers. */
export const OrderCommands = {
  /** One order per cart: a repeat returns the order placed first. */
  createFromCart: command<CreateOrderCommand, OrderReply>('order.order.create-from-cart'),
  get: command<OrderRef, OrderReply>('order.order.get'),
  getByCart: command<OrderByCart, OrderReply>('order.order.get-by-cart'),
  lookup: command<OrderLookupQuery, OrderReply>('order.order.lookup'),
} as const;
