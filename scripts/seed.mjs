#!/usr/bin/env node
// `npm run seed`: builds, then upserts every app's demo data (fixed ids from libs/contracts) into
// the database of DATABASE_URL, creating and migrating it when needed.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { APPS, build, ROOT } from './lib/stack.mjs';

build();
for (const app of APPS) {
  const entry = join(ROOT, 'dist', 'apps', app, 'src', 'seed.js');
  if (!existsSync(entry)) continue;
  const result = spawnSync(process.execPath, [entry], { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
