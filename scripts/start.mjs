#!/usr/bin/env node
// `npm start`: build, start all six apps and the PSP sandbox as separate processes against Postgres
// and NATS on localhost (DATABASE_URL, NATS_URL override), wait until each is ready, print where the
// gateway listens, and stop them all cleanly on Ctrl-C. `--no-build` skips the build.
import { preflight } from './lib/preflight.mjs';
import { build, portOf, SANDBOX, startStack } from './lib/stack.mjs';

const problems = await preflight();
if (problems.length) {
  console.error(`Cannot start:\n\n${problems.join('\n\n')}\n`);
  process.exit(1);
}
if (!process.argv.includes('--no-build')) build();

let stack;
let stopping = false;
const stop = async (signal) => {
  if (stopping) return;
  stopping = true;
  console.error(`\n${signal}: stopping every app…`);
  await stack?.stop();
  console.error('All apps stopped.');
  process.exit(0);
};
process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));

try {
  stack = await startStack();
} catch (error) {
  console.error(`Cannot start: ${error.message}`);
  process.exit(1);
}
for (const [app, child] of stack.children) {
  child.once('exit', (code, signal) => {
    if (stopping) return;
    console.error(`${app} stopped unexpectedly (${signal ?? code}); stopping the others.`);
    void stop('exit');
  });
}
console.error(
  `\nReady. The store API listens on http://localhost:${portOf('gateway')}/store (try /store/regions); ` +
    `the PSP sandbox (test payments) on http://localhost:${portOf(SANDBOX)}. Ctrl-C stops everything.\n`,
);
