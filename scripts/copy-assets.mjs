#!/usr/bin/env node
// The build's last step: copies the JSON files read at run time (the gateway's copy of Medusa's store
// spec, the PSP sandbox's keys) into dist/, beside the compiled code that reads them.
import { copyFileSync, mkdirSync, readdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

function* jsonFiles(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* jsonFiles(path);
    else if (entry.name.endsWith('.json')) yield path;
  }
}

for (const app of readdirSync(join(ROOT, 'apps'))) {
  for (const file of jsonFiles(join(ROOT, 'apps', app, 'src'))) copyToDist(file);
}
// The PSP sandbox's keys, and the test credentials it issues (read by the payment app in development).
for (const file of jsonFiles(join(ROOT, 'tools', 'psp-sandbox', 'keys'))) copyToDist(file);

function copyToDist(file) {
  const target = join(ROOT, 'dist', relative(ROOT, file));
  mkdirSync(dirname(target), { recursive: true });
  copyFileSync(file, target);
}
