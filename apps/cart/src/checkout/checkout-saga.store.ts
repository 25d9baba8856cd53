import { Inject, Injectable } from '@nestjs/common';
import { CartSnapshot, OrderPaymentInput } from '@app/contracts';
import { PreparedStatements, SqlBuilder } from '@app/platform';
import { cartViewer } from '../carts/cart-owner';
import { CHECKOUT_CONFIG, CheckoutConfig } from './checkout.config';
import { CHECKOUT_ACTIVE_STAGES, CheckoutStage, checkoutStagesInto } from './checkout.state';

/** A checkout saga as stored in `cart.checkout`. */
export interface CheckoutSaga {
  cart_id: string;
  stage: CheckoutStage;
  previous_stage: CheckoutStage | null;
  amount: number;
  currency_code: string;
  session_id: string | null;
  order_id: string | null;
  lease_token: string | null;
  snapshot: CartSnapshot | null;
  payment: OrderPaymentInput | null;
  attempts: number;
  mode: CheckoutMode;
}

/**
 * How the checkout ends: `complete` — Medusa's, the payment authorized before the order is placed;
 * `submit` — the order placed unpaid (提交订单), to be paid within its window.
 */
export type CheckoutMode = 'complete' | 'submit';

/** A cart's checkout as a second completion sees it. */
export interface CheckoutState {
  completed: boolean;
  stage: CheckoutStage | null;
  order_id: string | null;
  /** Another driver holds it now. */
  busy: boolean;
  mode: CheckoutMode | null;
}

/** A step's local effects, written in the statement that moves the saga on (see `advance`). */
export interface MoveEffects {
  /** CTEs before the move, the first named `cart_row`: it locks the cart. */
  before: string[];
  /** CTEs after the move; they may refer to `moved` (one row when the saga moved). */
  after: string[];
}

/** What a step adds to the saga as it moves on. */
export interface SagaPatch {
  payment?: OrderPaymentInput | null;
  order_id?: string;
}

const SAGA_COLUMNS = `cart_id, stage, previous_stage, amount, currency_code, session_id, order_id, lease_token,
  snapshot, payment, attempts, mode`;

/** How a claim takes a checkout `k` over: a waiting or failed one starts again, its frozen cart dropped. */
const TAKE_OVER = `
  stage = CASE WHEN k.stage IN ('awaiting_payment', 'failed') THEN 'started' ELSE k.stage END,
  previous_stage = CASE WHEN k.stage IN ('awaiting_payment', 'failed') THEN k.stage ELSE k.previous_stage END,
  snapshot = CASE WHEN k.stage IN ('awaiting_payment', 'failed') THEN NULL ELSE k.snapshot END,
  mode = CASE WHEN k.stage IN ('awaiting_payment', 'failed') THEN $6 ELSE k.mode END,
  lease_token = $2, lease_until = now() + make_interval(secs => $3::float / 1000),
  attempts = k.attempts + 1, updated_at = now()`;

/** The cart is one the caller may see (`cartViewer()` as `$4`, `$5`): another customer's is unknown. */
const VISIBLE = (cart: string) =>
  `($4::boolean OR ${cart}.customer_id IS NULL OR ${cart}.customer_id = $5::text)`;

/**
 * Locks the cart `$1` for a claim by raising its version: a cart change waiting for the lock then
 * finds the cart moved on, and is refused once it sees the checkout.
 */
const LOCK_CART = `UPDATE cart.cart SET version = version + 1
  WHERE id = $1 AND deleted_at IS NULL AND completed_at IS NULL AND ${VISIBLE('cart.cart')} RETURNING id`;

/** A checkout `k` nobody holds, not completed. */
const FREE = `k.stage <> 'completed' AND (k.lease_until IS NULL OR k.lease_until < now())`;

/**
 * The checkout saga's row: every move is one short statement, a compare-and-set on the stage (the
 * allowed source stages of `checkout.state.ts`) and on the driver's lease, so no lock is ever held
 * while a step talks to another app. A driver whose lease was taken over finds its move refused.
 */
@Injectable()
export class CheckoutSagas {
  constructor(
    private readonly statements: PreparedStatements,
    @Inject(CHECKOUT_CONFIG) private readonly config: CheckoutConfig,
  ) {}

  /**
   * Takes the cart's checkout for `token` when nobody holds it: a new one starts, a waiting or
   * failed one starts again (its frozen cart dropped), one whose driver's lease expired is taken over
   * where it stands. The cart row is locked (its version raised) for this one statement only, so
   * that a cart change in flight commits first and every later change sees the checkout. Null: completed, held by another
   * driver, or no such cart.
   */
  async claim(cartId: string, token: string, mode: CheckoutMode = 'complete'): Promise<CheckoutSaga | null> {
    const rows: CheckoutSaga[] = await this.run(
      `WITH target AS (${LOCK_CART})
       INSERT INTO cart.checkout AS k (cart_id, stage, amount, currency_code, lease_token, lease_until, mode)
       SELECT id, 'started', 0, '', $2, now() + make_interval(secs => $3::float / 1000), $6 FROM target
       ON CONFLICT (cart_id) DO UPDATE SET ${TAKE_OVER}
       WHERE ${FREE} RETURNING ${SAGA_COLUMNS}`,
      [cartId, token, this.config.leaseMs, ...cartViewer(), mode],
    );
    return rows[0] ?? null;
  }

  /** As `claim`, for a checkout that exists already (never starts one: the shopper did not ask). */
  async claimExisting(cartId: string, token: string): Promise<CheckoutSaga | null> {
    const result = await this.run(
      `WITH target AS (${LOCK_CART})
       UPDATE cart.checkout AS k SET ${TAKE_OVER.replace('$6', 'k.mode')}
       FROM target WHERE k.cart_id = target.id AND ${FREE} RETURNING ${SAGA_COLUMNS.replace(/(\w+)/g, 'k.$1')}`,
      [cartId, token, this.config.leaseMs, ...cartViewer()],
    );
    return result[0] ?? null;
  }

  /** Where the cart's checkout stands, for a completion that could not claim it. Null: no such cart. */
  async state(cartId: string): Promise<CheckoutState | null> {
    const [row] = await this.run<CheckoutState>(
      `SELECT c.completed_at IS NOT NULL AS completed, k.stage, k.order_id, coalesce(k.lease_until > now(), false) AS busy,
         k.mode
       FROM cart.cart c LEFT JOIN cart.checkout k ON k.cart_id = c.id
       WHERE c.id = $1 AND c.deleted_at IS NULL AND ($2::boolean OR c.customer_id IS NULL OR c.customer_id = $3::text)`,
      [cartId, ...cartViewer()],
    );
    return row ?? null;
  }

  /** Records the frozen cart, its amount and its payment session (stage `started`). */
  async freeze(
    saga: CheckoutSaga,
    frozen: { amount: number; currency_code: string; session_id: string | null; snapshot: CartSnapshot },
  ): Promise<CheckoutSaga | null> {
    const result = await this.run(
      `UPDATE cart.checkout SET amount = $3, currency_code = $4, session_id = $5, snapshot = $6, payment = NULL,
         order_id = NULL, updated_at = now()
       WHERE cart_id = $1 AND lease_token = $2 AND stage = 'started' RETURNING ${SAGA_COLUMNS}`,
      [
        saga.cart_id,
        saga.lease_token,
        frozen.amount,
        frozen.currency_code,
        frozen.session_id,
        frozen.snapshot,
      ],
    );
    return result[0] ?? null;
  }

  /**
   * Moves the saga to `to` if its stage allows it and the lease is still the driver's, renewing the
   * lease (or giving it up with `release`). Null: another driver took it over. A step's local
   * `effects` are written in the same statement: their CTEs lock the cart first (`cart_row`, which
   * the move then refers to, as every cart write locks: cart, then its parts, then the saga row).
   */
  async advance(
    saga: CheckoutSaga,
    to: CheckoutStage,
    patch: SagaPatch = {},
    options: { release?: boolean; effects?: (sql: SqlBuilder) => MoveEffects } = {},
  ): Promise<CheckoutSaga | null> {
    const sql = new SqlBuilder();
    const p = (value: unknown) => sql.param(value);
    const effects = options.effects?.(sql);
    const move = `UPDATE cart.checkout SET stage = ${p(to)},
        payment = CASE WHEN ${p('payment' in patch)} THEN ${p(patch.payment ? JSON.stringify(patch.payment) : null)}::jsonb ELSE payment END,
        order_id = coalesce(${p(patch.order_id ?? null)}, order_id), updated_at = now(),
        lease_until = CASE WHEN ${p(options.release ?? false)} THEN NULL
          ELSE now() + make_interval(secs => ${p(this.config.leaseMs)}::float / 1000) END
      WHERE cart_id = ${p(saga.cart_id)} AND lease_token = ${p(saga.lease_token)} AND stage = ANY(${p(checkoutStagesInto(to))})`;
    if (!effects) return first(await this.run(`${move} RETURNING ${SAGA_COLUMNS}`, sql.values));
    const ctes = [
      ...effects.before,
      `moved AS (${move} AND EXISTS (SELECT 1 FROM cart_row) RETURNING ${SAGA_COLUMNS})`,
      ...effects.after,
    ];
    const rows: CheckoutSaga[] = await this.run(`WITH ${ctes.join(',\n')} SELECT * FROM moved`, sql.values);
    return rows[0] ?? null;
  }

  /** Gives the lease up, the stage unchanged: the next completion or the sweep goes on from there. */
  async release(saga: CheckoutSaga): Promise<void> {
    await this.run(
      'UPDATE cart.checkout SET lease_until = NULL, updated_at = now() WHERE cart_id = $1 AND lease_token = $2',
      [saga.cart_id, saga.lease_token],
    );
  }

  /**
   * Undoes a claim that found the cart unfit to complete: the checkout returns to where it stood
   * (waiting, failed), or disappears if this claim created it.
   */
  async restore(saga: CheckoutSaga): Promise<void> {
    if (saga.previous_stage === null) {
      await this.run(
        `DELETE FROM cart.checkout WHERE cart_id = $1 AND lease_token = $2 AND stage = 'started'`,
        [saga.cart_id, saga.lease_token],
      );
      return;
    }
    await this.run(
      `UPDATE cart.checkout SET stage = previous_stage, lease_until = NULL, updated_at = now()
       WHERE cart_id = $1 AND lease_token = $2 AND stage = 'started'`,
      [saga.cart_id, saga.lease_token],
    );
  }

  /** Checkouts in the middle of the saga that nobody drives: their driver died, or gave up after an error. */
  async abandoned(limit: number): Promise<string[]> {
    const rows: { cart_id: string }[] = await this.run(
      `SELECT cart_id FROM cart.checkout WHERE stage = ANY($1) AND (lease_until IS NULL OR lease_until < now())
       ORDER BY lease_until NULLS FIRST LIMIT $2`,
      [CHECKOUT_ACTIVE_STAGES, limit],
    );
    return rows.map((row) => row.cart_id);
  }

  /** Waiting checkouts whose selected session has been paid since (a resume that was interrupted). */
  async paidWhileWaiting(limit: number): Promise<string[]> {
    const rows: { cart_id: string }[] = await this.run(
      `SELECT c.cart_id FROM cart.checkout c JOIN cart.payment_session ps ON ps.cart_id = c.cart_id AND ps.is_selected
       WHERE c.stage = 'awaiting_payment' AND ps.status = 'authorized' LIMIT $1`,
      [limit],
    );
    return rows.map((row) => row.cart_id);
  }

  /** Runs one of the saga's statements (fixed texts): parsed and planned once per connection. */
  private run<T = CheckoutSaga>(text: string, values: unknown[]): Promise<T[]> {
    return this.statements.rows<T>({ text, values });
  }
}

/** The row a statement answered, or null (another driver holds the saga). */
function first(rows: CheckoutSaga[]): CheckoutSaga | null {
  return rows[0] ?? null;
}
