import {
  ChargeEnded,
  ChargePaid,
  ChargeProviderId,
  ChargeReply,
  ChargeStatus,
  EventEnvelope,
} from '@app/contracts';
import { EntityManager } from 'typeorm';

/** An order's payment attempt as stored. */
export interface ChargeRow {
  id: string;
  order_id: string;
  cart_id: string;
  customer_id: string;
  provider_id: ChargeProviderId | null;
  amount: number;
  points: number;
  currency_code: string;
  status: ChargeStatus;
  earned: number;
  /** Points given back so far as the attempt's money was refunded. */
  points_refunded: number;
  provider_reference: string | null;
  expires_at: Date;
}

export function toChargeReply(row: ChargeRow, payParam: ChargeReply['pay_param']): ChargeReply {
  return {
    charge_id: row.id,
    order_id: row.order_id,
    status: row.status,
    provider_id: row.provider_id,
    amount: row.amount,
    points: row.points,
    currency_code: row.currency_code,
    pay_param: payParam,
    expires_at: new Date(row.expires_at).toISOString(),
  };
}

export function chargePaid(row: ChargeRow): ChargePaid {
  return {
    charge_id: row.id,
    order_id: row.order_id,
    customer_id: row.customer_id,
    provider_id: row.provider_id,
    amount: row.amount,
    points: row.points,
    currency_code: row.currency_code,
    provider_reference: row.provider_reference,
    earned: row.earned,
  };
}

export function chargeEnded(row: ChargeRow, status: ChargeEnded['status']): ChargeEnded {
  return { charge_id: row.id, order_id: row.order_id, status };
}

/**
 * Whether a session event is about an order's payment attempt: their sessions carry the attempt's
 * id (`pay_…`), a cart's its own (`ps_…`), so the attempts' subscribers let the carts' events by.
 */
export function isChargeSessionEvent(event: EventEnvelope): boolean {
  const sessionId = (event.data as { session_id?: unknown } | null)?.session_id;
  return typeof sessionId === 'string' && sessionId.startsWith('pay_');
}

/**
 * Marks attempts' provider sessions canceled, in the caller's transaction: money that still arrives
 * on one is no longer the order's, and the session's release gives it back.
 */
export async function cancelChargeSessions(manager: EntityManager, chargeIds: string[]): Promise<void> {
  if (!chargeIds.length) return;
  await manager.query(
    'UPDATE payment.session SET canceled_at = now(), updated_at = now() WHERE id = ANY($1)',
    [chargeIds],
  );
}
