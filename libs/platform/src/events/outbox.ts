import { Inject, Injectable } from '@nestjs/common';
import { EventEnvelope, EventType } from '@app/contracts/common/events';
import { EntityManager } from 'typeorm';
import { PLATFORM_CONFIG } from '../config/config.tokens';
import { PlatformConfig } from '../config/platform-config';
import { currentRequestContext } from '../context/request-context';
import { quoteIdentifier } from '../database/create-database';
import { newId } from '../ids/id';

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
    const envelope: EventEnvelope<Data> = {
      id: newId('evt'),
      type: type.type,
      occurred_at: new Date().toISOString(),
      aggregate_id: aggregate.id,
      aggregate_version: aggregate.version ?? 1,
      correlation_id: currentRequestContext()?.correlationId ?? null,
      data,
    };
    await manager.query(
      `INSERT INTO ${this.table} (id, subject, envelope, occurred_at) VALUES ($1, $2, $3, $4)`,
      [envelope.id, type.subject, JSON.stringify(envelope), envelope.occurred_at],
    );
    return envelope;
  }
}
