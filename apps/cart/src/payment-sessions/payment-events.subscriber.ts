import { Injectable } from '@nestjs/common';
import { EventEnvelope, PaymentEvents, PaymentSessionChanged } from '@app/contracts';
import { EffectStatement, eventData, EventSubscriber, StatementSubscription } from '@app/platform';
import { cartVersionCte } from '../carts/cart-version';
import { CheckoutRecovery } from '../checkout/checkout-recovery.service';
import { paymentSessionSourcesOf } from './payment-session.state';

/** The version of the cart of the session `$3`, raised when the event is new. */
const SESSION_CART_ROW = cartVersionCte(
  'SELECT cart_id FROM cart.payment_session WHERE id = $3',
  'AND EXISTS (SELECT 1 FROM fresh)',
);

/** Whether a session event is about a cart's session (`ps_…`), not an order's payment attempt. */
function isCartSessionEvent(event: EventEnvelope): boolean {
  const sessionId = (event.data as { session_id?: unknown } | null)?.session_id;
  return typeof sessionId === 'string' && sessionId.startsWith('ps_');
}

/**
 * The payment app's verdicts on a cart's sessions: paid (authorized) or refused (error). Applied
 * only while the session still stands for that amount: a verdict on a superseded provider session
 * (the cart changed since) changes nothing here; the payment app voids that money itself. Each is
 * one statement with the event's inbox row.
 */
@Injectable()
@EventSubscriber()
export class SessionAuthorizedSubscriber implements StatementSubscription {
  readonly consumer = 'cart-payment-session-authorized';
  readonly subject = PaymentEvents.sessionAuthorized.subject;
  readonly concerns = isCartSessionEvent;

  constructor(private readonly recovery: CheckoutRecovery) {}

  statement(event: EventEnvelope): EffectStatement {
    const paid = eventData(event, PaymentSessionChanged);
    return {
      ctes: [SESSION_CART_ROW],
      sql: `UPDATE cart.payment_session ps SET status = 'authorized', payment_authorized_at = $5, updated_at = now()
            WHERE id = $3 AND amount = $4 AND is_initiated AND status = ANY($6) AND EXISTS (SELECT 1 FROM cart_row)
            RETURNING (SELECT k.stage FROM cart.checkout k WHERE k.cart_id = ps.cart_id) AS checkout_stage`,
      values: [paid.session_id, paid.amount, event.occurred_at, paymentSessionSourcesOf('authorized')],
    };
  }

  /**
   * A checkout waiting for this payment goes on, now that the change has committed (one whose
   * resume is lost is found by the recovery's sweep).
   */
  afterEffect(rows: { checkout_stage: string | null }[], event: EventEnvelope): void {
    if (rows[0]?.checkout_stage === 'awaiting_payment')
      this.recovery.driveAfterCommit(eventData(event, PaymentSessionChanged).cart_id);
  }
}

@Injectable()
@EventSubscriber()
export class SessionFailedSubscriber implements StatementSubscription {
  readonly consumer = 'cart-payment-session-failed';
  readonly subject = PaymentEvents.sessionFailed.subject;
  readonly concerns = isCartSessionEvent;

  statement(event: EventEnvelope): EffectStatement {
    const failed = eventData(event, PaymentSessionChanged);
    return {
      ctes: [SESSION_CART_ROW],
      sql: `UPDATE cart.payment_session SET status = 'error', updated_at = now()
            WHERE id = $3 AND amount = $4 AND is_initiated AND status = ANY($5) AND EXISTS (SELECT 1 FROM cart_row)`,
      values: [failed.session_id, failed.amount, paymentSessionSourcesOf('error')],
    };
  }
}

/**
 * The shopper did not pay in time: the session shows canceled (a refresh opens a new one), and a
 * checkout that was waiting for it is given up: it turns to compensating here, and the recovery
 * gives its reservation back once this has committed.
 */
@Injectable()
@EventSubscriber()
export class SessionExpiredSubscriber implements StatementSubscription {
  readonly consumer = 'cart-payment-session-expired';
  readonly subject = PaymentEvents.sessionExpired.subject;
  readonly concerns = isCartSessionEvent;

  constructor(private readonly recovery: CheckoutRecovery) {}

  statement(event: EventEnvelope): EffectStatement {
    const expired = eventData(event, PaymentSessionChanged);
    return {
      ctes: [
        SESSION_CART_ROW,
        `session AS (UPDATE cart.payment_session SET status = 'canceled', updated_at = now()
           WHERE id = $3 AND amount = $4 AND status = ANY($5) AND EXISTS (SELECT 1 FROM cart_row) RETURNING id)`,
      ],
      // After the cart row (it refers to it), as every cart write locks.
      sql: `UPDATE cart.checkout SET stage = 'compensating', lease_until = now(), updated_at = now()
            WHERE cart_id = $6 AND session_id = $3 AND stage = 'awaiting_payment' AND EXISTS (SELECT 1 FROM cart_row)
            RETURNING cart_id`,
      values: [expired.session_id, expired.amount, paymentSessionSourcesOf('canceled'), expired.cart_id],
    };
  }

  afterEffect(rows: { cart_id: string }[]): void {
    this.recovery.driveAfterCommit(rows[0].cart_id);
  }
}
