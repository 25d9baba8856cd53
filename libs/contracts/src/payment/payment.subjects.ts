import { command } from '../common/command';
import { ChargeRef, ChargeReply, OpenCharge } from './charge.commands';
import { PointsMovement, PointsMovementReply, PointsQuery, PointsReply } from './points.commands';
import {
  NotificationReply,
  ProviderNotification,
  SessionDataUpdate,
  SessionInput,
  SessionRef,
  SessionRefund,
  SessionReply,
} from './payment.commands';
import {
  SavedMethodRemoval,
  SavedMethodRemoved,
  SavedMethodsQuery,
  SavedMethodsReply,
} from './saved-methods.commands';
import {
  CollectionSessionCommand,
  CollectionSessionRef,
  CollectionSessionReply,
  CollectionSessionsAuthorizeCommand,
  CollectionSessionsBatchCommand,
  CreatePaymentCollectionCommand,
  PaymentCollectionRef,
  PaymentCollectionReply,
} from './payment-collection.commands';

/**
 * Commands the payment app answers. The cart owns its payment sessions; the payment app owns what
 * happens at the provider, keyed by the cart's session id, so every command is safe to repeat.
 */
export const PaymentCommands = {
  /** Opens the provider session (idempotent: an open session for the same amount is returned). */
  initiateSession: command<SessionInput, SessionReply>('payment.session.initiate'),
  /**
   * Brings the provider session to the given amount: unchanged, it is returned as it is; changed,
   * the open provider session is voided and a new one opened.
   */
  updateSession: command<SessionInput, SessionReply>('payment.session.update'),
  /** Voids the open provider session and opens a new one (a fresh hosted page, new parameters). */
  refreshSession: command<SessionInput, SessionReply>('payment.session.refresh'),
  /** Voids the provider session (the cart dropped or deselected it). */
  cancelSession: command<SessionRef, SessionReply | null>('payment.session.cancel'),
  updateSessionData: command<SessionDataUpdate, SessionReply>('payment.session.update-data'),
  getSession: command<SessionRef, SessionReply>('payment.session.get'),
  /**
   * Is the session's money there? Already known from a notification, or asked of the provider now
   * (which settles a notification that never arrived). `authorized` records it once, with its event.
   */
  authorizeSession: command<SessionRef, SessionReply>('payment.session.authorize'),
  /** Takes the authorized money (a provider that captures at payment has nothing left to do). */
  captureSession: command<SessionRef, SessionReply>('payment.session.capture'),
  /** Gives back (part of) the captured money; idempotent by `refund_id`. */
  refundSession: command<SessionRefund, SessionReply>('payment.session.refund'),
  /** Verifies and applies a provider's notification; answers in the provider's protocol. */
  receiveNotification: command<ProviderNotification, NotificationReply>('payment.notification.receive'),
} as const;

/** The cards providers keep for a signed-in customer (the cashier's cards on file). */
export const SavedMethodCommands = {
  /** What every provider keeps for the customer, asked of the providers each time (nothing is copied here). */
  list: command<SavedMethodsQuery, SavedMethodsReply>('payment.saved-methods.list'),
  /** Forgets one of them at its provider; another customer's id is `not_found`. */
  remove: command<SavedMethodRemoval, SavedMethodRemoved>('payment.saved-methods.remove'),
} as const;

/** Payments of existing orders (seed 002): points, money, or both. */
export const ChargeCommands = {
  /** Opens an attempt to pay an order (idempotent by `charge_id`); points alone pay at once. */
  open: command<OpenCharge, ChargeReply>('payment.charge.open'),
  get: command<ChargeRef, ChargeReply>('payment.charge.get'),
} as const;

/** The points ledger: per customer, every movement idempotent by its key, the balance never below zero. */
export const PointsCommands = {
  /** The balance and the newest entries, a page at a time. */
  get: command<PointsQuery, PointsReply>('payment.points.get'),
  /** Moves points (earn, hold, spend, release, refund, adjust) once per key; 400 `insufficient_points`. */
  move: command<PointsMovement, PointsMovementReply>('payment.points.move'),
} as const;

/** Payment collections (Medusa's): amounts owed outside a cart, paid through sessions as carts are. */
export const PaymentCollectionCommands = {
  /** Opens one for an order edit's difference (once per `reference_id`). */
  create: command<CreatePaymentCollectionCommand, PaymentCollectionReply>('payment.collection.create'),
  get: command<PaymentCollectionRef, PaymentCollectionReply>('payment.collection.get'),
  /** One session, at `provider_id`, for the whole amount (others dropped). */
  manageSession: command<CollectionSessionCommand, PaymentCollectionReply>('payment.collection.session'),
  /** Exactly these sessions, their amounts summing to the collection's. */
  manageSessions: command<CollectionSessionsBatchCommand, PaymentCollectionReply>(
    'payment.collection.sessions',
  ),
  authorizeSessions: command<CollectionSessionsAuthorizeCommand, PaymentCollectionReply>(
    'payment.collection.sessions.authorize',
  ),
  /** A fresh provider session for the same amount. */
  refreshSession: command<CollectionSessionRef, CollectionSessionReply>('payment.collection.session.refresh'),
  authorizeSession: command<CollectionSessionRef, CollectionSessionReply>(
    'payment.collection.session.authorize',
  ),
} as const;
