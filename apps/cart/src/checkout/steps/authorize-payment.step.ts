import { Injectable } from '@nestjs/common';
import { PaymentCommands } from '@app/contracts';
import { CommandClient, DomainError } from '@app/platform';
import { DataSource } from 'typeorm';
import { withCartVersion } from '../../carts/cart-version';
import { CheckoutSaga } from '../checkout-saga.store';
import { CheckoutStep, StepOutcome } from './checkout-step';

/**
 * Has the payment app authorize the selected session (keyed by the session: asking again answers
 * what happened). Not paid yet at a redirect provider: the checkout waits for the shopper. Paid, but
 * not the frozen amount or currency: refused, and the money is given back by the compensation. A
 * submitted order is paid after it is placed: nothing to authorize.
 */
@Injectable()
export class AuthorizePaymentStep implements CheckoutStep {
  readonly name = 'authorize-payment';
  readonly from = 'reserved' as const;
  readonly to = 'authorized' as const;

  constructor(
    private readonly commands: CommandClient,
    private readonly dataSource: DataSource,
  ) {}

  async run(saga: CheckoutSaga): Promise<StepOutcome> {
    if (saga.mode === 'submit' || saga.amount <= 0 || !saga.session_id)
      return { kind: 'done', patch: { payment: null } };
    const paid = await this.commands.request(PaymentCommands.authorizeSession, {
      session_id: saga.session_id,
    });
    if (paid.status !== 'authorized') {
      return {
        kind: 'awaiting_payment',
        payment_status: paid.status === 'pending' ? 'pending' : 'requires_more',
      };
    }
    if (paid.amount !== saga.amount || paid.currency_code !== saga.currency_code) {
      return {
        kind: 'refused',
        error: DomainError.notAllowed(
          `The payment (${paid.amount} ${paid.currency_code}) does not match the cart total (${saga.amount} ${saga.currency_code}); it was given back`,
          'payment_mismatch',
        ),
      };
    }
    return {
      kind: 'done',
      patch: {
        payment: {
          session_id: saga.session_id,
          provider_id: paid.provider_id,
          amount: paid.amount,
          currency_code: paid.currency_code,
          status: paid.captured ? 'captured' : 'authorized',
          data: paid.data,
          provider_reference: paid.provider_reference,
          expires_at: paid.expires_at,
        },
      },
    };
  }

  /**
   * Voids the session at the payment app (refunding money already taken), and puts the cart's
   * session back as the provider never saw it, unless it already shows canceled (expired).
   */
  async compensate(saga: CheckoutSaga): Promise<void> {
    if (!saga.session_id) return;
    await this.commands.request(PaymentCommands.cancelSession, { session_id: saga.session_id });
    await this.dataSource.query(
      withCartVersion(
        '$2',
        `UPDATE cart.payment_session SET is_initiated = false, is_selected = null, status = 'pending',
           data = '{}', payment_authorized_at = null, updated_at = now()
         WHERE id = $1 AND status <> 'canceled'`,
      ),
      [saga.session_id, saga.cart_id],
    );
  }
}
