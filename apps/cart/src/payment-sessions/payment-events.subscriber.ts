import { Injectable } from '@nestjs/common';
import { EventEnvelope, PaymentEvents, PaymentSessionChanged } from '@app/contracts';
import { eventData, EventSubscriber, EventSubscription } from '@app/platform';
import { EntityManager } from 'typeorm';
import { withCartVersion } from '../carts/cart-version';
import { CheckoutRecovery } from '../checkout/checkout-recovery.service';
import { paymentSessionSourcesOf } from './payment-session.state';

/** The cart of the session `$1`. */
const SESSION_CART = 'SELECT cart_id FROM cart.payment_session WHERE id = $1';

/**
 * The payment app's verdicts on a cart's sessions: paid (authorized) or refused (error). Applied
 * only while the session still stands for that amount: a verdict on a superseded provider session
 * (the cart changed since) changes nothing here; the payment app voids that money itself.
 */
@Injectable()
@EventSubscriber()
export class SessionAuthorizedSubscriber implements EventSubscription {
  readonly consumer = 'cart-payment-session-authorized';
  readonly subject = PaymentEvents.sessionAuthorized.subject;

  constructor(private readonly recovery: CheckoutRecovery) {}

  async handle(event: EventEnvelope, manager: EntityManager): Promise<void> {
    const paid = eventData(event, PaymentSessionChanged);
    const [[changed]]: [{ checkout_stage: string | null }[], number] = await manager.query(
      withCartVersion(
        SESSION_CART,
        `UPDATE cart.payment_session ps SET status = 'authorized', payment_authorized_at = $3, updated_at = now()
         WHERE id = $1 AND amount = $2 AND is_initiated AND status = ANY($4)`,
        '(SELECT k.stage FROM cart.checkout k WHERE k.cart_id = ps.cart_id) AS checkout_stage',
      ),
      [paid.session_id, paid.amount, event.occurred_at, paymentSessionSourcesOf('authorized')],
    );
    // A checkout waiting for this payment goes on, once this change has committed (one whose
    // resume is lost is found by the recovery's sweep).
    if (changed?.checkout_stage === 'awaiting_payment') this.recovery.driveAfterCommit(paid.cart_id);
  }
}

@Injectable()
@EventSubscriber()
export class SessionFailedSubscriber implements EventSubscription {
  readonly consumer = 'cart-payment-session-failed';
  readonly subject = PaymentEvents.sessionFailed.subject;

  async handle(event: EventEnvelope, manager: EntityManager): Promise<void> {
    const failed = eventData(event, PaymentSessionChanged);
    await manager.query(
      withCartVersion(
        SESSION_CART,
        `UPDATE cart.payment_session SET status = 'error', updated_at = now()
         WHERE id = $1 AND amount = $2 AND is_initiated AND status = ANY($3)`,
      ),
      [failed.session_id, failed.amount, paymentSessionSourcesOf('error')],
    );
  }
}

/**
 * The shopper did not pay in time: the session shows canceled (a refresh opens a new one), and a
 * checkout that was waiting for it is given up: it turns to compensating here, and the recovery
 * gives its reservation back once this has committed.
 */
@Injectable()
@EventSubscriber()
export class SessionExpiredSubscriber implements EventSubscription {
  readonly consumer = 'cart-payment-session-expired';
  readonly subject = PaymentEvents.sessionExpired.subject;

  constructor(private readonly recovery: CheckoutRecovery) {}

  async handle(event: EventEnvelope, manager: EntityManager): Promise<void> {
    const expired = eventData(event, PaymentSessionChanged);
    await manager.query(
      withCartVersion(
        SESSION_CART,
        `UPDATE cart.payment_session SET status = 'canceled', updated_at = now()
         WHERE id = $1 AND amount = $2 AND status = ANY($3)`,
      ),
      [expired.session_id, expired.amount, paymentSessionSourcesOf('canceled')],
    );
    const [[waiting]] = await manager.query(
      `UPDATE cart.checkout SET stage = 'compensating', lease_until = now(), updated_at = now()
       WHERE cart_id = $1 AND session_id = $2 AND stage = 'awaiting_payment' RETURNING cart_id`,
      [expired.cart_id, expired.session_id],
    );
    if (waiting) this.recovery.driveAfterCommit(expired.cart_id);
  }
}
