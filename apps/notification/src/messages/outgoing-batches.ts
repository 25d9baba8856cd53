import { DataSource } from 'typeorm';

/** A table of outgoing messages (mail, text messages) with the columns a sender claims and settles. */
type OutgoingTable = 'notification.message' | 'notification.sms';

const MAX_ATTEMPTS = 5;
/** How long a pass's claim on its batch lasts: longer than sending a batch can take. */
const CLAIM_MS = 120_000;

/**
 * Claims up to 20 pending messages of `table` for a while, in one statement (replicas take disjoint
 * batches, `SKIP LOCKED`), answering `columns` of each; nothing stays locked while they are sent.
 */
export async function claimPending<T>(
  dataSource: DataSource,
  table: OutgoingTable,
  columns: string[],
): Promise<T[]> {
  const [claimed]: [T[], number] = await dataSource.query(
    `UPDATE ${table} m SET claimed_until = now() + make_interval(secs => $1::float / 1000)
     FROM (SELECT id FROM ${table}
           WHERE status = 'pending' AND (claimed_until IS NULL OR claimed_until < now())
           ORDER BY created_at LIMIT 20 FOR UPDATE SKIP LOCKED) due
     WHERE m.id = due.id RETURNING ${columns.map((column) => `m.${column}`).join(', ')}`,
    [CLAIM_MS],
  );
  return claimed;
}

/**
 * Records every outcome of a pass in one statement: sent (with the transport's id), or tried once
 * more — failed for good after five tries; the claims end. A sender that died before this leaves its
 * claims to expire, and those messages go out again then.
 */
export async function settleSent(
  dataSource: DataSource,
  table: OutgoingTable,
  ids: string[],
  transportIds: (string | null)[],
): Promise<void> {
  await dataSource.query(
    `UPDATE ${table} m SET attempts = m.attempts + 1, claimed_until = NULL,
       status = CASE WHEN outcome.sent THEN 'sent' WHEN m.attempts + 1 >= $4 THEN 'failed' ELSE 'pending' END,
       transport_id = outcome.transport_id, sent_at = CASE WHEN outcome.sent THEN now() END
     FROM unnest($1::text[], $2::boolean[], $3::text[]) AS outcome (id, sent, transport_id)
     WHERE m.id = outcome.id`,
    [ids, transportIds.map((id) => id !== null), transportIds, MAX_ATTEMPTS],
  );
}
