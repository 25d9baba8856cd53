import { ConnectionOptions } from 'nats';
import { AppName } from '../config/app-name';
import { PlatformConfig } from '../config/platform-config';

/**
 * Connection settings shared by an app's command server and its client connection: reconnect for
 * ever once connected (the first connection is tried again by `connectUntilStopped`, which the
 * app can call off when it stops).
 */
export function natsConnectionOptions(config: PlatformConfig, role: 'server' | 'client'): ConnectionOptions {
  return {
    servers: config.natsUrl,
    name: `${config.app}-${role}`,
    maxReconnectAttempts: -1,
    reconnectTimeWait: Math.min(1_000, config.startupRetryMaxMs),
    pingInterval: 10_000,
    // Replies come to inboxes under the app's own prefix, the only inboxes its user may read.
    inboxPrefix: natsInboxPrefix(config.app),
    ...(config.natsPassword ? { user: config.natsUser, pass: config.natsPassword } : {}),
    ...(config.natsTls ? { tls: { ...config.natsTls } } : {}),
    // Error stack capture on every request costs more than the whole request on the hot path.
    noAsyncTraces: true,
  };
}

/** Where an app's replies arrive: `_INBOX_<app>.<id>`. */
export function natsInboxPrefix(app: AppName): string {
  return `_INBOX_${app}`;
}
