/**
 * Every domain event, as published on JetStream and stored in outboxes: the envelope of DESIGN
 * "Messaging". `id` is also the JetStream `Nats-Msg-Id`, so a re-publish is deduplicated.
 */
export interface EventEnvelope<Data = unknown> {
  id: string;
  /** The subject without its `events.` prefix, e.g. `catalog.region-created`. */
  type: string;
  occurred_at: string;
  aggregate_id: string;
  aggregate_version: number;
  correlation_id: string | null;
  /** The W3C trace context of the change that caused the event, when traces are recorded. */
  traceparent?: string;
  data: Data;
}

/** The one JetStream stream of domain events. Subjects: `events.<context>.<event>`. */
export const COMMERCE_STREAM = { name: 'COMMERCE', subjects: ['events.>'] } as const;

/** An event subject with its data type, declared once per event in `<context>.events.ts`. */
export interface EventType<Data> {
  readonly subject: string;
  readonly type: string;
  /** Phantom field: carries the type only. */
  readonly __data?: Data;
}

/** Declares the event `events.<type>`, e.g. `event<RegionCreated>('catalog.region-created')`. */
export function event<Data>(type: string): EventType<Data> {
  return { type, subject: `events.${type}` };
}
