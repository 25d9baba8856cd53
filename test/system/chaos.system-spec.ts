import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

interface ChaosFigures {
  passed: boolean;
  kills: number;
  killed: Record<string, number>;
  natsRestarts: number;
  reachedComplete: number;
  orders: number;
  refused: number;
  lost: number;
  duplicated: number;
  misanswered: number;
  chargedTwice: number;
  strandedReservations: number;
  stockTakenTwice: number;
  reservedQuantityMismatches: number;
  unsentOutbox: Record<string, number>;
  logFile: string;
}

/** Runs `npm run chaos` (built apps as processes, its own nats-server and database) and reads its figures. */
function runChaos(
  env: Record<string, string>,
): Promise<{ code: number | null; figures: ChaosFigures; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(ROOT, 'scripts', 'chaos.mjs'), '--no-build', '--json'], {
      cwd: ROOT,
      env: { ...process.env, ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', reject);
    child.once('exit', (code) => {
      const line = stdout.trim().split('\n').at(-1) ?? '';
      try {
        resolve({ code, figures: JSON.parse(line) as ChaosFigures, stderr });
      } catch {
        reject(new Error(`chaos printed no figures (exit ${code}): ${stderr.slice(-2000)}`));
      }
    });
  });
}

/**
 * The short, fixed run of `npm run chaos` (the long one is in the README): shoppers check out while
 * every app is killed with SIGKILL and started again and the run's nats-server is killed and
 * restarted. Every cart that reached `complete` has exactly one order (the one it was answered),
 * none is charged twice, no stock is left reserved without an order, every outbox is empty 30 s
 * after the faults stop.
 */
describe('npm run chaos (a short fixed run)', () => {
  beforeAll(() => {
    if (!existsSync(join(ROOT, 'dist', 'apps', 'gateway', 'src', 'main.js'))) {
      expect(spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'ignore' }).status).toBe(0);
    }
  });

  it('loses no order, duplicates none, strands no stock, leaves no event unsent', async () => {
    const { code, figures, stderr } = await runChaos({
      CHAOS_SECONDS: '30',
      CHAOS_SEED: '20261202',
      CHAOS_SHOPPERS: '4',
      CHAOS_KILL_EVERY_MS: '2000',
      CHAOS_NATS_EVERY_MS: '12000',
      CHAOS_MIN_KILLS: '4',
    });
    const context = `${JSON.stringify(figures)}\n${stderr.slice(-1500)}`;
    expect({ context, passed: figures.passed }).toEqual({ context, passed: true });
    expect(code).toBe(0);
    expect(figures.kills).toBeGreaterThanOrEqual(4);
    expect(figures.natsRestarts).toBeGreaterThanOrEqual(1);
    expect(figures.reachedComplete).toBeGreaterThanOrEqual(20);
    expect(figures.orders).toBe(figures.reachedComplete - figures.refused);
    expect(figures).toMatchObject({
      lost: 0,
      duplicated: 0,
      misanswered: 0,
      chargedTwice: 0,
      strandedReservations: 0,
      stockTakenTwice: 0,
      reservedQuantityMismatches: 0,
      unsentOutbox: {},
    });
  }, 300_000);
});
