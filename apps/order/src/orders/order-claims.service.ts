import { Injectable } from '@nestjs/common';
import { OrderClaimCommand, OrderClaimConfirmCommand, OrderEvents } from '@app/contracts';
import { DomainError, Outbox, PreparedStatements } from '@app/platform';
import { createHash, randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';

/** How long a claim token works. */
const CLAIM_TTL_MS = 24 * 3600 * 1000;

const sha256 = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * Guest orders claimed by a customer (Medusa v1's order claim): the customer names orders, a token
 * is mailed to each order's email (one per email, through `events.order.claim-requested`), and
 * confirming the token as that customer moves those orders to them. Registering with the same email
 * moves nothing: only a token sent to that email does.
 */
@Injectable()
export class OrderClaims {
  constructor(
    private readonly dataSource: DataSource,
    private readonly statements: PreparedStatements,
    private readonly outbox: Outbox,
  ) {}

  async request(command: OrderClaimCommand): Promise<{ requested: true }> {
    const orders = await this.statements.rows<{
      id: string;
      email: string;
      display_id: number;
      guest: boolean;
    }>({
      text: 'SELECT id, email, display_id, guest FROM "order"."order" WHERE id = ANY($1)',
      values: [command.order_ids],
    });
    const missing = command.order_ids.filter((id) => !orders.some((order) => order.id === id));
    if (missing.length) throw DomainError.notFound(`Order with id ${missing[0]} was not found`);
    if (orders.some((order) => !order.guest)) {
      throw DomainError.notAllowed('Orders that belong to a customer account cannot be claimed');
    }
    const byEmail = new Map<string, typeof orders>();
    for (const order of orders) byEmail.set(order.email, [...(byEmail.get(order.email) ?? []), order]);
    const expiresAt = new Date(Date.now() + CLAIM_TTL_MS).toISOString();
    await this.dataSource.transaction(async (manager) => {
      for (const [email, claimed] of byEmail) {
        const token = randomBytes(32).toString('base64url');
        await manager.query(
          `INSERT INTO "order".claim_token (token_hash, customer_id, order_ids, expires_at) VALUES ($1, $2, $3, $4)`,
          [sha256(token), command.customer_id, claimed.map((order) => order.id), expiresAt],
        );
        await this.outbox.record(
          manager,
          OrderEvents.claimRequested,
          { id: claimed[0].id },
          { email, token, display_ids: claimed.map((order) => order.display_id), expires_at: expiresAt },
        );
      }
    });
    return { requested: true };
  }

  /** Moves the token's orders, still guest orders, to the customer who asked; the token works once. */
  async confirm(command: OrderClaimConfirmCommand): Promise<{ claimed: number }> {
    const [result] = await this.statements.rows<{ used: number; claimed: number }>({
      text: `WITH used AS (
               UPDATE "order".claim_token SET used_at = now()
               WHERE token_hash = $1 AND customer_id = $2 AND used_at IS NULL AND expires_at > now()
               RETURNING order_ids),
             moved AS (
               UPDATE "order"."order" SET customer_id = $2, guest = false, updated_at = now()
               WHERE id IN (SELECT unnest(order_ids) FROM used) AND guest RETURNING id)
             SELECT (SELECT count(*) FROM used)::int AS used, (SELECT count(*) FROM moved)::int AS claimed`,
      values: [sha256(command.token), command.customer_id],
    });
    if (!result.used) throw new DomainError('unauthorized', 'Invalid or expired claim token');
    return { claimed: result.claimed };
  }
}
