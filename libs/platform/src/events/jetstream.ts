import { COMMERCE_STREAM } from '@app/contracts/common/events';
import { JetStreamManager, NatsConnection, nanos, RetentionPolicy, StorageType } from 'nats';

const STREAM_MAX_AGE_MS = 30 * 24 * 3600 * 1000;
const DUPLICATE_WINDOW_MS = 2 * 60 * 1000;

/**
 * Creates the COMMERCE stream (`events.>`, file storage, 2-minute duplicate window, `replicas` copies
 * across a NATS cluster: STREAM_REPLICAS) if it does not exist. Idempotent: every app that publishes
 * or consumes calls it at start.
 */
export async function ensureCommerceStream(jsm: JetStreamManager, replicas = 1): Promise<void> {
  try {
    await jsm.streams.info(COMMERCE_STREAM.name);
    return;
  } catch (error) {
    if (!/not found/i.test(String((error as Error).message))) throw error;
  }
  try {
    await jsm.streams.add({
      name: COMMERCE_STREAM.name,
      subjects: [...COMMERCE_STREAM.subjects],
      storage: StorageType.File,
      retention: RetentionPolicy.Limits,
      max_age: nanos(STREAM_MAX_AGE_MS),
      duplicate_window: nanos(DUPLICATE_WINDOW_MS),
      num_replicas: replicas,
    });
  } catch (error) {
    // Another app created it between our look and our add.
    if (!/already in use/i.test(String((error as Error).message))) throw error;
  }
}

/** Injection token to replace the JetStream publisher (fault-injection tests). */
export const EVENT_PUBLISHER = Symbol('EVENT_PUBLISHER');

/** Publishes one event; resolves when JetStream stored it (or already had it: `duplicate`). */
export type EventPublisher = (
  subject: string,
  eventId: string,
  payload: Uint8Array,
) => Promise<{ duplicate: boolean }>;

/** The real publisher: JetStream with `Nats-Msg-Id` = event id, so a re-publish is deduplicated. */
export function jetStreamPublisher(nc: NatsConnection, timeoutMs: number): EventPublisher {
  const js = nc.jetstream({ timeout: timeoutMs });
  return async (subject, eventId, payload) => {
    const ack = await js.publish(subject, payload, { msgID: eventId, timeout: timeoutMs });
    return { duplicate: ack.duplicate };
  };
}
