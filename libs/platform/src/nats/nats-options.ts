import { ConnectionOptions } from 'nats';
import { PlatformConfig } from '../config/platform-config';

/**
 * Connection settings shared by an app's command server and its client connection: keep trying
 * while NATS is down at start (`waitOnFirstConnect`) and reconnect forever afterwards.
 */
export function natsConnectionOptions(config: PlatformConfig, role: 'server' | 'client'): ConnectionOptions {
  return {
    servers: config.natsUrl,
    name: `${config.app}-${role}`,
    waitOnFirstConnect: true,
    maxReconnectAttempts: -1,
    reconnectTimeWait: Math.min(1_000, config.startupRetryMaxMs),
    pingInterval: 10_000,
    // Error stack capture on every request costs more than the whole request on the hot path.
    noAsyncTraces: true,
  };
}
