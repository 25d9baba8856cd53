#!/usr/bin/env node
// Prints the nats-server `authorization` block that gives each app its own user and subjects (from
// libs/platform's natsPermissions), to include in a server's configuration; passwords are read from
// the server's environment (<APP>_NATS_PASSWORD). Run after `npm run build`.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { natsServerAuthorization } = require('../dist/libs/platform/src/nats/nats-permissions.js');
process.stdout.write(natsServerAuthorization());
