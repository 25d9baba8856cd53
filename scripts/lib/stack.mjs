// Starts the apps of the monorepo as separate processes and stops them cleanly: used by
// `npm start`, `npm run bench` and the launcher's own test.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const APPS = ['catalog', 'cart', 'order', 'payment', 'notification', 'customer', 'gateway'];
/** The PSP sandbox: started beside the apps in development and benchmarks, never in production. */
export const SANDBOX = 'psp-sandbox';
const DEFAULT_PORTS = {
  gateway: 9000,
  catalog: 9101,
  cart: 9102,
  order: 9103,
  payment: 9104,
  notification: 9105,
  customer: 9106,
  [SANDBOX]: 9400,
};

/**
 * V8 settings for every app process (the Dockerfile uses the same): a 4 MB young generation keeps a
 * busy app's memory near its idle size, at no measurable cost in throughput.
 */
export const NODE_ARGS = ['--max-semi-space-size=4'];

/** The environment variable of a process's HTTP port (`CART_PORT`, `PSP_SANDBOX_PORT`). */
export function portVariable(app) {
  return `${app.toUpperCase().replace(/-/g, '_')}_PORT`;
}

/** A TCP port free on localhost right now. */
export function freePort() {
  return new Promise((done, fail) => {
    const server = createServer().once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => done(port));
    });
  });
}

export function portOf(app, env = process.env) {
  return Number(env[portVariable(app)] || DEFAULT_PORTS[app]);
}

/** Compiles every app into dist/ (`npm run build`: one TypeScript program, path aliases, assets). */
export function build() {
  const result = spawnSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) throw new Error('build failed: npm run build');
}

export function entryOf(app) {
  return app === SANDBOX
    ? join(ROOT, 'dist', 'tools', SANDBOX, 'src', 'main.js')
    : join(ROOT, 'dist', 'apps', app, 'src', 'main.js');
}

/**
 * Spawns every app (and, unless `sandbox` is false, the PSP sandbox, with the payment app pointed
 * at it and at the gateway for notifications) with `env`, writes their (JSON) logs to `output` (a
 * writable stream, a file descriptor the apps write to themselves, or 'ignore'), and resolves once
 * each answers /health/ready. Rejects if one exits or is not ready in time.
 */
export async function startStack({
  env: given = process.env,
  output = process.stdout,
  readyTimeoutMs = 90_000,
  sandbox = true,
} = {}) {
  const env = { ...given };
  const processes = sandbox ? [...APPS, SANDBOX] : APPS;
  if (sandbox) {
    env.PSP_BASE_URL ??= `http://127.0.0.1:${portOf(SANDBOX, env)}`;
    env.PUBLIC_BASE_URL ??= `http://127.0.0.1:${portOf('gateway', env)}`;
  }
  const children = new Map();
  for (const app of processes) children.set(app, spawnApp(app, env, output));
  const stack = {
    env,
    children,
    pids: () => Object.fromEntries([...children].map(([app, child]) => [app, child.pid])),
    /** Starts `app` again (after it exited or was killed) and resolves once it is ready. */
    restart: async (app) => {
      const child = spawnApp(app, env, output);
      children.set(app, child);
      await waitReady(app, child, env, readyTimeoutMs);
    },
    stop: (timeoutMs = 20_000) => stopAll(children, timeoutMs),
  };
  try {
    await Promise.all(processes.map((app) => waitReady(app, children.get(app), env, readyTimeoutMs)));
  } catch (error) {
    await stack.stop();
    throw error;
  }
  return stack;
}

/** Spawns one app's process with `env`, its output written to `output` (see startStack). */
function spawnApp(app, env, output) {
  if (!existsSync(entryOf(app))) throw new Error(`${entryOf(app)} is missing: build first (npm run build)`);
  const direct = output === 'ignore' || typeof output === 'number';
  const child = spawn(process.execPath, [...NODE_ARGS, entryOf(app)], {
    cwd: ROOT,
    env,
    stdio: ['ignore', direct ? output : 'pipe', direct ? output : 'pipe'],
  });
  if (!direct) {
    child.stdout.on('data', (chunk) => output.write(chunk));
    child.stderr.on('data', (chunk) => output.write(chunk));
  }
  return child;
}

async function waitReady(app, child, env, timeoutMs) {
  const url = `http://127.0.0.1:${portOf(app, env)}/health/ready`;
  const deadline = Date.now() + timeoutMs;
  let exited = null;
  child.once('exit', (code, signal) => (exited = signal ?? code));
  for (;;) {
    if (exited !== null) throw new Error(`${app} exited (${exited}) before it was ready`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`${app} was not ready within ${timeoutMs / 1000} s (${url})`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** SIGTERM to every app (each drains its work), SIGKILL to any still running after the timeout. */
async function stopAll(children, timeoutMs) {
  await Promise.all(
    [...children.values()].map(
      (child) =>
        new Promise((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          const killer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
          child.once('exit', () => {
            clearTimeout(killer);
            resolve();
          });
          child.kill('SIGTERM');
        }),
    ),
  );
}

/** Resident memory of a process in MB (Linux), or null. */
export function rssMb(pid) {
  try {
    const line = readFileSync(`/proc/${pid}/status`, 'utf8')
      .split('\n')
      .find((l) => l.startsWith('VmRSS:'));
    return line ? Math.round(Number(line.split(/\s+/)[1]) / 1024) : null;
  } catch {
    return null;
  }
}
