import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { checkoutOutcomes, DomainError } from '@app/platform';
import { DataSource } from 'typeorm';
import { CheckoutSaga, CheckoutSagas } from './checkout-saga.store';
import { CHECKOUT_CONFIG, CheckoutConfig } from './checkout.config';
import { canMoveCheckout } from './checkout.state';
import { CheckoutStep, StepOutcome } from './steps/checkout-step';
import { CHECKOUT_STEPS } from './steps/checkout-steps';

/** How a drive ended. */
export type DriveResult =
  | { kind: 'completed'; saga: CheckoutSaga; order?: Record<string, unknown>; type?: 'order' | 'swap' }
  | { kind: 'awaiting_payment'; saga: CheckoutSaga; payment_status: 'pending' | 'requires_more' }
  | { kind: 'failed'; saga: CheckoutSaga; error: DomainError };

/** Another driver took the checkout over while this one was at a step. */
export class CheckoutLeaseLost extends Error {
  constructor(readonly cartId: string) {
    super(`The checkout of ${cartId} is driven by another completion`);
  }
}

/** The test-only crash switch: the driver stops dead, as if its process died there. */
export class SimulatedCrash extends Error {}

/**
 * Drives a claimed checkout saga through the steps of `CHECKOUT_STEPS` from wherever it stands:
 * before each step leaves the app its stage is committed; after it, the move to the next stage is a
 * compare-and-set on the saga row. A refusal compensates every step in reverse order and ends the
 * saga `failed`; an unexpected error gives the lease up, the stage kept, for a retry or the sweep.
 */
@Injectable()
export class CheckoutRunner implements OnModuleInit {
  private readonly logger = new Logger(CheckoutRunner.name);
  private steps: CheckoutStep[] = [];

  constructor(
    private readonly moduleRef: ModuleRef,
    private readonly sagas: CheckoutSagas,
    private readonly dataSource: DataSource,
    @Inject(CHECKOUT_CONFIG) private readonly config: CheckoutConfig,
  ) {}

  onModuleInit(): void {
    this.steps = CHECKOUT_STEPS.map((step) => this.moduleRef.get(step, { strict: false }));
  }

  /** Drives a claimed saga from its stage until it completes, waits for the shopper's payment, or fails. */
  async drive(claimed: CheckoutSaga): Promise<DriveResult> {
    let saga = claimed;
    let order: Record<string, unknown> | undefined;
    let type: 'order' | 'swap' | undefined;
    let moved = false;
    if (saga.stage === 'compensating') return this.compensate(saga, unfinished(saga));
    for (;;) {
      const step = this.steps.find((candidate) => candidate.from === saga.stage);
      if (!step) {
        // A checkout found done already (a replay) is not counted again.
        if (moved) checkoutOutcomes.inc({ app: 'cart', outcome: 'placed' });
        return { kind: 'completed', saga, order, type };
      }
      this.crashIfAsked(`before:${step.name}`);
      const outcome = await this.run(step, saga);
      this.crashIfAsked(`after:${step.name}`);
      if (outcome.kind === 'refused') return this.compensate(saga, outcome.error);
      if (outcome.kind === 'awaiting_payment') {
        const waiting = await this.sagas.advance(saga, 'awaiting_payment', {}, { release: true });
        if (!waiting) throw new CheckoutLeaseLost(saga.cart_id);
        checkoutOutcomes.inc({ app: 'cart', outcome: 'awaiting_payment' });
        return { kind: 'awaiting_payment', saga: waiting, payment_status: outcome.payment_status };
      }
      order = outcome.order ?? order;
      type = outcome.type ?? type;
      const next = await this.move(step, saga, outcome.patch);
      if (!next) throw new CheckoutLeaseLost(saga.cart_id);
      saga = next;
      moved = true;
    }
  }

  /**
   * Runs a step. An app that refuses it for good (bad data, not allowed, gone) refuses the checkout
   * while it can still be undone; anything else (a timeout, an app down) decides nothing: the lease
   * is given up and the next completion or the sweep runs the step again.
   */
  private async run(step: CheckoutStep, saga: CheckoutSaga): Promise<StepOutcome> {
    try {
      return await step.run(saga);
    } catch (error) {
      if (isRefusal(error) && canMoveCheckout(saga.stage, 'compensating')) return { kind: 'refused', error };
      await this.sagas.release(saga).catch(() => undefined);
      throw error;
    }
  }

  /**
   * Moves the saga on after its step, in one statement with the step's own writes (which lock the
   * cart before the saga row, as a claim does). A failure gives the lease up.
   */
  private async move(step: CheckoutStep, saga: CheckoutSaga, patch = {}): Promise<CheckoutSaga | null> {
    const effects = step.effects?.bind(step);
    try {
      return await this.sagas.advance(saga, step.to, patch, {
        effects: effects && ((sql) => effects(saga, sql)),
      });
    } catch (error) {
      await this.sagas.release(saga).catch(() => undefined);
      throw error;
    }
  }

  /**
   * Undoes every step that can be undone, newest first (each is idempotent, so a compensation cut
   * short is finished by the sweep), then ends the saga `failed`.
   */
  private async compensate(saga: CheckoutSaga, error: DomainError): Promise<DriveResult> {
    const compensating = await this.sagas.advance(saga, 'compensating');
    if (!compensating) throw new CheckoutLeaseLost(saga.cart_id);
    try {
      for (const step of [...this.steps].reverse()) await step.compensate?.(compensating);
    } catch (failure) {
      this.logger.warn(
        `Compensating the checkout of ${saga.cart_id} failed, the sweep will finish it: ${(failure as Error).message}`,
      );
      await this.sagas.release(compensating).catch(() => undefined);
      return { kind: 'failed', saga: compensating, error };
    }
    const failed = await this.sagas.advance(compensating, 'failed', {}, { release: true });
    checkoutOutcomes.inc({ app: 'cart', outcome: 'failed' });
    return { kind: 'failed', saga: failed ?? compensating, error };
  }

  private crashIfAsked(point: string): void {
    if (this.config.crashAt === point) throw new SimulatedCrash(`simulated crash at ${point}`);
  }
}

/** The refusal a compensation resumed by the sweep answers with (its original caller is gone). */
function unfinished(saga: CheckoutSaga): DomainError {
  return DomainError.notAllowed(`The checkout of ${saga.cart_id} was given up`, 'checkout_failed');
}

/** Errors by which an app refuses a step for good (retrying would be refused again). */
const REFUSALS: readonly string[] = [
  'invalid_data',
  'not_allowed',
  'not_found',
  'payment_authorization_error',
];

function isRefusal(error: unknown): error is DomainError {
  return error instanceof DomainError && REFUSALS.includes(error.type);
}
