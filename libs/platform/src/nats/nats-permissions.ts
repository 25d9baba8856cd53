import { COMMAND_CALLS } from '@app/contracts/common/command-calls';
import { COMMERCE_STREAM } from '@app/contracts/common/events';
import { APP_NAMES, AppName } from '../config/app-name';
import { natsInboxPrefix } from './nats-options';

/** What one app's NATS user may publish and subscribe to. */
export interface NatsPermissions {
  publish: { allow: string[] };
  subscribe: { allow: string[] };
  /** May answer the requests it receives (publish once to their reply subjects). */
  allow_responses: boolean;
}

const STREAM = COMMERCE_STREAM.name;

/**
 * The JetStream API an app with events uses: look up and create the stream, create and read its
 * durable consumers, pull from them and acknowledge. Never delete or purge anything.
 */
const JETSTREAM_API = [
  '$JS.API.INFO',
  `$JS.API.STREAM.INFO.${STREAM}`,
  `$JS.API.STREAM.CREATE.${STREAM}`,
  `$JS.API.CONSUMER.CREATE.${STREAM}.>`,
  `$JS.API.CONSUMER.DURABLE.CREATE.${STREAM}.*`,
  `$JS.API.CONSUMER.INFO.${STREAM}.*`,
  `$JS.API.CONSUMER.MSG.NEXT.${STREAM}.*`,
  `$JS.ACK.${STREAM}.>`,
];

/** Apps that answer commands (on `<app>.…`) and publish events (on `events.<app>.…`). */
const SERVICES: readonly AppName[] = APP_NAMES.filter((app) => app !== 'gateway');

/**
 * An app's permissions: it publishes the commands it calls (COMMAND_CALLS), its own events and the
 * replies to its own commands; it reads its own commands, its own inboxes and events. So no app but the
 * order app can ask the payment app for a refund, and none but the payment app says one happened.
 */
export function natsPermissions(app: AppName): NatsPermissions {
  const calls = COMMAND_CALLS[app].map((command) => command.subject);
  const service = SERVICES.includes(app);
  return {
    publish: {
      allow: [...new Set(calls)].sort().concat(service ? [`events.${app}.>`, ...JETSTREAM_API] : []),
    },
    // Events are the store's news: any app may listen to them as they pass (caches do).
    subscribe: { allow: [`${natsInboxPrefix(app)}.>`, 'events.>', ...(service ? [`${app}.>`] : [])] },
    allow_responses: service,
  };
}

/** The environment variable the NATS server reads an app's password from, e.g. `CART_NATS_PASSWORD`. */
export function natsPasswordVariable(app: AppName): string {
  return `${app.toUpperCase()}_NATS_PASSWORD`;
}

/**
 * The `authorization` block of a nats-server configuration: one user per app, named after it, its
 * password read from the server's environment (never written in the file), with its permissions.
 */
export function natsServerAuthorization(): string {
  const users = APP_NAMES.map((app) => {
    const permissions = JSON.stringify(natsPermissions(app), null, 2).replace(/\n/g, '\n    ');
    return `  {\n    user: "${app}"\n    password: $${natsPasswordVariable(app)}\n    permissions: ${permissions}\n  }`;
  });
  return `authorization {\n  users: [\n${users.join('\n')}\n  ]\n}\n`;
}
