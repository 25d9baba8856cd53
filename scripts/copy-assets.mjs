#!/usr/bin/env node
// The build's last step: copies the JSON files the apps read at run time (the gateway's copy of
// Medusa's store spec) from apps/ into dist/, beside the compiled code that reads them.
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

function copyToDist(file) {
  const target = join(ROOT, 'dist', relative(ROOT, file));
  mkdirSync(dirname(target), { recursive: true });
  copyFileSync(file, target);
}
