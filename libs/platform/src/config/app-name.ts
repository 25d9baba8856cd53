/** The deployable apps of the monorepo; each app that owns data owns the schema of its name. */
export const APP_NAMES = [
  'gateway',
  'catalog',
  'cart',
  'order',
  'payment',
  'notification',
  'customer',
] as const;

export type AppName = (typeof APP_NAMES)[number];

/** Default HTTP port of each app: the gateway's store API, the others' health endpoints. */
export const DEFAULT_HTTP_PORTS: Readonly<Record<AppName, number>> = {
  gateway: 9000,
  catalog: 9101,
  cart: 9102,
  order: 9103,
  payment: 9104,
  notification: 9105,
  customer: 9106,
};

/** The environment variable that overrides an app's HTTP port, e.g. `CATALOG_PORT`. */
export function portVariable(app: AppName): string {
  return `${app.toUpperCase()}_PORT`;
}
