import { EventEnvelope } from '@app/contracts/common/events';
import { ClassConstructor } from 'class-transformer';
import { EntityManager } from 'typeorm';
import { DomainError } from '../errors/domain-error';
import { validatePlain } from '../validation/validation';

/**
 * What an app does with one kind of event, exactly once per event id: either `handle`, run in one
 * database transaction together with the event's inbox row, or `statement`, the whole effect as one
 * SQL statement that also writes the inbox row (no transaction needed).
 */
export type EventSubscription = TransactionalSubscription | StatementSubscription;

interface SubscriptionBase {
  /** Durable consumer name, one per (app, purpose): `notification-region-log`. */
  readonly consumer: string;
  /** The subject it consumes, e.g. `events.catalog.region-created` (one filter, nats-server 2.9). */
  readonly subject: string;
  /**
   * Where a consumer created for the first time starts: `all` (default) replays the stream's
   * history — right for state that must see every event; `new` starts with what is published from
   * then on — right for telling the outside world (a new webhook must not replay old orders).
   */
  readonly startAt?: 'all' | 'new';
  /**
   * Whether the event concerns this subscription at all (default: every event does). One that does
   * not is acknowledged without touching the database: it has no effect here to make exactly once.
   */
  concerns?(event: EventEnvelope): boolean;
}

export interface TransactionalSubscription extends SubscriptionBase {
  /** Applies the event in `manager`'s transaction. Throw MalformedEventError for events that can never succeed. */
  handle(event: EventEnvelope, manager: EntityManager): Promise<void>;
}

/**
 * An event's effect as one statement: `ctes` (each `name AS (…)`) and `sql` follow the CTE `fresh`,
 * which holds one row (`event_id`) when the event is new and none when it was seen before, so every
 * write must take its rows from `fresh` (or be guarded by `EXISTS (SELECT 1 FROM fresh)`). The
 * statement's parameters `values` are numbered from `$3` ($1 and $2 are the inbox row's).
 */
export interface EffectStatement {
  ctes?: string[];
  sql: string;
  values: unknown[];
}

export interface StatementSubscription extends SubscriptionBase {
  /** The event's effect. Throw MalformedEventError for events that can never succeed. */
  statement(event: EventEnvelope): EffectStatement;
  /** Runs after the statement with the rows its `sql` returned (never for an event seen before). */
  afterEffect?(rows: unknown[], event: EventEnvelope): void;
}

/** An event that can never be processed (bad envelope or data): dead-lettered, never retried. */
export class MalformedEventError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MalformedEventError';
  }
}

/** Validates an event's data against its contract class; MalformedEventError when it does not fit. */
export function eventData<T extends object>(event: EventEnvelope, type: ClassConstructor<T>): T {
  try {
    return validatePlain(type, event.data);
  } catch (error) {
    throw new MalformedEventError(error instanceof DomainError ? error.message : String(error));
  }
}

/** Parses and checks the envelope of a message from the stream. */
export function parseEnvelope(bytes: Uint8Array): EventEnvelope {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(bytes).toString('utf8'));
  } catch {
    throw new MalformedEventError('the message is not JSON');
  }
  const envelope = value as Partial<EventEnvelope> | null;
  const problems = [
    typeof envelope?.id === 'string' && envelope.id.length > 0 ? '' : 'id',
    typeof envelope?.type === 'string' ? '' : 'type',
    typeof envelope?.aggregate_id === 'string' ? '' : 'aggregate_id',
    Number.isInteger(envelope?.aggregate_version) ? '' : 'aggregate_version',
    typeof envelope?.occurred_at === 'string' && !Number.isNaN(Date.parse(envelope.occurred_at))
      ? ''
      : 'occurred_at',
    envelope && 'data' in envelope ? '' : 'data',
  ].filter(Boolean);
  if (problems.length) throw new MalformedEventError(`the envelope lacks a valid ${problems.join(', ')}`);
  return envelope as EventEnvelope;
}

const SUBSCRIBER = Symbol('event-subscriber');

/** Marks a provider as an EventSubscription for the platform to run (any module may declare one). */
export function EventSubscriber(): ClassDecorator {
  return (target) => Reflect.defineMetadata(SUBSCRIBER, true, target);
}

/** Whether a provider class was marked with @EventSubscriber(). */
export function isEventSubscriber(type: unknown): boolean {
  return typeof type === 'function' && Reflect.getMetadata(SUBSCRIBER, type) === true;
}
