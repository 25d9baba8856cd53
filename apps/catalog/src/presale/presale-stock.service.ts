import { Injectable } from '@nestjs/common';
import { PresaleReservationReply, ReservePresaleRequest } from '@app/contracts';
import { DomainError, PreparedStatements } from '@app/platform';
import { EntityManager } from 'typeorm';

/**
 * An offer's presale units: taken by an order in one statement that raises `sold` only while it
 * stays within the offer's stock (decided on the locked offer row, so no concurrency oversells it),
 * once per key; given back once when the order is canceled.
 */
@Injectable()
export class PresaleStock {
  constructor(private readonly db: PreparedStatements) {}

  async reserve(request: ReservePresaleRequest): Promise<PresaleReservationReply> {
    try {
      const [row] = await this.db.rows<{ held: number | null; taken: boolean }>({
        name: 'catalog.presale.reserve',
        text: `WITH known AS (SELECT quantity, status FROM catalog.presale_reservation WHERE reservation_key = $1),
               taken AS (
                 UPDATE catalog.presale_offer SET sold = sold + $3, updated_at = now()
                 WHERE variant_id = $2 AND sold + $3 <= stock_limit AND NOT EXISTS (SELECT 1 FROM known)
                 RETURNING variant_id),
               held AS (
                 INSERT INTO catalog.presale_reservation (reservation_key, variant_id, quantity, status)
                 SELECT $1, variant_id, $3, 'reserved' FROM taken RETURNING quantity)
               SELECT coalesce((SELECT CASE WHEN status = 'reserved' THEN quantity ELSE 0 END FROM known),
                               (SELECT quantity FROM held)) AS held,
                      EXISTS (SELECT 1 FROM known) OR EXISTS (SELECT 1 FROM held) AS taken`,
        values: [request.reservation_key, request.variant_id, request.quantity],
      });
      if (!row.taken) {
        throw new DomainError('not_allowed', 'Not enough presale units left', 'insufficient_inventory');
      }
      return { reservation_key: request.reservation_key, quantity: row.held ?? 0 };
    } catch (error) {
      // The same key taken at this very moment by another call: it took the units once.
      if ((error as { code?: string }).code === '23505') return this.reserve(request);
      throw error;
    }
  }

  /** Gives the key's units back, in `within`'s transaction when given. Idempotent. */
  async release(key: string, within?: EntityManager): Promise<PresaleReservationReply> {
    const text = `WITH released AS (
                    UPDATE catalog.presale_reservation SET status = 'released', updated_at = now()
                    WHERE reservation_key = $1 AND status = 'reserved' RETURNING variant_id, quantity)
                  UPDATE catalog.presale_offer o SET sold = o.sold - r.quantity, updated_at = now()
                  FROM released r WHERE o.variant_id = r.variant_id`;
    if (within) await within.query(text, [key]);
    else await this.db.rows({ name: 'catalog.presale.release', text, values: [key] });
    return { reservation_key: key, quantity: 0 };
  }
}
