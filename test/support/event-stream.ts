import { COMMERCE_STREAM } from '@app/contracts/common/events';
import { connect } from 'nats';

/**
 * Empties the run's event stream and deletes its durable consumers, so a new store starts with no
 * events of the suites before it. The run's suites share one nats-server (one at a time), and apps
 * of one kind share durable consumers: events a suite left unconsumed (it ran no app of that kind)
 * would otherwise reach the next suite's apps, whose fresh inboxes have never seen them.
 */
export async function emptyEventStream(natsUrl: string): Promise<void> {
  const nc = await connect({ servers: natsUrl });
  try {
    const jsm = await nc.jetstreamManager();
    try {
      await jsm.streams.info(COMMERCE_STREAM.name);
    } catch {
      return; // no stream yet: the first app creates it
    }
    const consumers: string[] = [];
    for await (const consumer of jsm.consumers.list(COMMERCE_STREAM.name)) consumers.push(consumer.name);
    for (const consumer of consumers) await jsm.consumers.delete(COMMERCE_STREAM.name, consumer);
    await jsm.streams.purge(COMMERCE_STREAM.name);
  } finally {
    await nc.close();
  }
}
