import { join } from 'node:path';

/** Medusa's own v1 store spec, as the gateway ships it (and serves it, with our routes, at /openapi.json). */
export const MEDUSA_SPEC_PATH = join(
  __dirname,
  '..',
  '..',
  'apps',
  'gateway',
  'src',
  'docs',
  'medusa-store-v1.openapi.json',
);
