import { Inject, Injectable } from '@nestjs/common';
import { EventEnvelope, EventType } from '@app/contracts/common/events';
import { EntityManager } from 'typeorm';
import { PLATFORM_CONFIG } from '../config/config.tokens';
import { PlatformConfig } from '../config/platform-config';
import { currentRequestContext } from '../context/request-context';
import { quoteIdentifier } from '../database/create-database';
import { newId } from '../ids/id';
import { currentTraceparent } from '../tracing/tracing';

export interface EventAggregate {
  id: string;
  /** Version of the aggregate after the change; consumers ignore stale versions. */
  version?: number;
}

/**
 * The transactional outbox: an event is a row written in the same database transaction as the
 * state change it describes, so it exists if and only if the change committed. The relay publishes
 * it after commit.
 */
@Injectable()
export class Outbox {
  private readonly table: string;

  constructor(@Inject(PLATFORM_CONFIG) config: PlatformConfig) {
    this.table = `${quoteIdentifier(config.app)}.outbox`;
  }

  /** Records `data` as event `type` of `aggregate` in the caller's transaction (`manager`). */
  async record<Data>(
    manager: EntityManager,
    type: EventType<Data>,
    aggregate: EventAggregate,
    data: Data,
  ): Promise<EventEnvelope<Data>> {
    if (!manager.queryRunner?.isTransactionActive) {
      throw new Error('Outbox.record must run inside the transaction of the state change');
    }
    const envelope = this.envelope(type, aggregate, data);
    await manager.query(
      `INSERT INTO ${this.table} (id, subject, envelope, occurred_at) VALUES ($1, $2, $3, $4)`,
      [envelope.id, type.subject, JSON.stringify(envelope), envelope.occurred_at],
    );
    return envelope;
  }

  /**
   * The event as part of the state change's own single statement, which then needs no transaction:
   * `sql` inserts the event once for each row of the CTE named `source` (so not at all when the change
   * changed nothing), its parameters `values` numbered from `$first`. `fill` names fields of the
   * event's data that the statement itself assigns (a number from a sequence): each is set from
   * `source`'s column of that name.
   */
  inStatement<Data>(
    type: EventType<Data>,
    aggregate: EventAggregate,
    data: Data,
    source: string,
    first: number,
    fill: (keyof Data & string)[] = [],
  ): { sql: string; values: unknown[] } {
    const envelope = this.envelope(type, aggregate, data);
    const [id, subject, body, at] = [first, first + 1, first + 2, first + 3].map((n) => `$${n}`);
    const filled = fill.reduce(
      (json, field) => `jsonb_set(${json}, '{data,${field}}', to_jsonb(${source}.${field}))`,
      `${body}::jsonb`,
    );
    return {
      sql: `INSERT INTO ${this.table} (id, subject, envelope, occurred_at)
            SELECT ${id}::text, ${subject}::text, ${filled}, ${at}::timestamptz FROM ${source}`,
      values: [envelope.id, type.subject, JSON.stringify(envelope), envelope.occurred_at],
    };
  }

  private envelope<Data>(type: EventType<Data>, aggregate: EventAggregate, data: Data): EventEnvelope<Data> {
    return {
      id: newId('evt'),
      type: type.type,
      occurred_at: new Date().toISOString(),
      aggregate_id: aggregate.id,
      aggregate_version: aggregate.version ?? 1,
      correlation_id: currentRequestContext()?.correlationId ?? null,
      ...traceOf(),
      data,
    };
  }
}

/** The trace the event continues (`traceparent`), when tracing is on. */
function traceOf(): { traceparent?: string } {
  const traceparent = currentTraceparent();
  return traceparent ? { traceparent } : {};
}
