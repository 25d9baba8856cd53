import { DomainError } from '@app/platform';
import { SqlBuilder } from '@app/platform';
import { CheckoutSaga, MoveEffects, SagaPatch } from '../checkout-saga.store';
import { CheckoutStage } from '../checkout.state';

/** What a step's `run` reports; the runner decides what the saga does with it. */
export type StepOutcome =
  /** Done: the saga moves to the step's `to` stage, with what the step learned. */
  | { kind: 'done'; patch?: SagaPatch; order?: Record<string, unknown>; type?: 'order' | 'swap' }
  /** The shopper has not paid yet: the saga waits, keeping what it holds. */
  | { kind: 'awaiting_payment'; payment_status: 'pending' | 'requires_more' }
  /** A business refusal (no stock, payment refused or not matching): every step is compensated. */
  | { kind: 'refused'; error: DomainError };

/**
 * One step of the checkout saga: `run` does its work at the app that owns it (idempotent, so the
 * sweep can run it again after a crash) and never inside a database transaction; `compensate`
 * undoes it (idempotent too). A step with `effects` has local writes that commit in the same
 * statement as the move to its `to` stage.
 */
export interface CheckoutStep {
  readonly name: string;
  readonly from: CheckoutStage;
  readonly to: CheckoutStage;
  run(saga: CheckoutSaga): Promise<StepOutcome>;
  compensate?(saga: CheckoutSaga): Promise<void>;
  effects?(saga: CheckoutSaga, sql: SqlBuilder): MoveEffects;
}

/** The frozen cart of a saga past its `started` stage. */
export function frozenCart(saga: CheckoutSaga): NonNullable<CheckoutSaga['snapshot']> {
  if (!saga.snapshot) throw new Error(`Checkout of ${saga.cart_id} has no frozen cart at ${saga.stage}`);
  return saga.snapshot;
}
