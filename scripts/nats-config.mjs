#!/usr/bin/env node
// Prints the nats-server `authorization` block that gives each app its own user and subjects (from
// libs/platform's natsPermissions), passwords read from the server's environment (<APP>_NATS_PASSWORD).
// With --write, brings the two copies in line instead: deploy/nats-authorization.conf (compose) and
// the users of k8s/overlays/production/nats-values.yaml (Helm). Run after `npm run build`.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseDocument } from 'yaml';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const { natsServerAuthorization, natsPermissions, natsPasswordVariable } = require(
  join(ROOT, 'dist/libs/platform/src/nats/nats-permissions.js'),
);
const { APP_NAMES } = require(join(ROOT, 'dist/libs/platform/src/config/app-name.js'));

if (!process.argv.includes('--write')) {
  process.stdout.write(natsServerAuthorization());
} else {
  writeFileSync(join(ROOT, 'deploy/nats-authorization.conf'), natsServerAuthorization());
  const valuesFile = join(ROOT, 'k8s/overlays/production/nats-values.yaml');
  const values = parseDocument(readFileSync(valuesFile, 'utf8'));
  values.setIn(
    ['config', 'merge', 'authorization', 'users'],
    APP_NAMES.map((app) => ({
      user: app,
      password: `<< $${natsPasswordVariable(app)} >>`,
      permissions: natsPermissions(app),
    })),
  );
  writeFileSync(valuesFile, values.toString());
  process.stdout.write('deploy/nats-authorization.conf and nats-values.yaml brought in line\n');
}
