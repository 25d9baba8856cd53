import { connect, ConnectionOptions, NatsConnection } from 'nats';
import { Backoff, sleep } from '../bootstrap/backoff';

/**
 * Connects to NATS, trying again with backoff while it cannot be reached, until `stopped()` says the
 * app is stopping: then resolves `undefined` and leaves nothing connecting behind. (nats.js's own
 * `waitOnFirstConnect` cannot be called off: an app stopped while NATS was unreachable kept dialling
 * for ever, and its process never exited.) Once connected, nats.js reconnects as the options say.
 */
export async function connectUntilStopped(
  options: ConnectionOptions,
  stopped: () => boolean,
  backoff: Backoff,
): Promise<NatsConnection | undefined> {
  while (!stopped()) {
    try {
      const connection = await connect({ ...options, waitOnFirstConnect: false });
      if (!stopped()) return connection;
      await connection.close();
      return undefined;
    } catch {
      // Unreachable, refused or not yet authorized: the app reports not ready meanwhile.
      if (!stopped()) await sleep(backoff.next());
    }
  }
  return undefined;
}
