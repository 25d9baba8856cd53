import { APP_NAMES, portVariable } from '@app/platform';
import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import request from 'supertest';
import { testPostgresUrl } from '../support/databases';
import { freePort } from '../support/ports';
import { eventually } from '../support/test-environment';
import { medusaSchemaErrors } from '../support/medusa-spec';

const ROOT = join(__dirname, '..', '..');

/** The schemas that have their own migrations table: one per app that owns data. */
async function schemasWithMigrations(databaseUrl: string): Promise<string[]> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ table_schema: string }>(
      "SELECT table_schema FROM information_schema.tables WHERE table_name = 'migrations' ORDER BY table_schema",
    );
    return rows.map((row) => row.table_schema);
  } finally {
    await client.end();
  }
}

function launch(env: Record<string, string | undefined>): {
  child: ChildProcess;
  output: () => string;
  exit: Promise<number | null>;
} {
  let output = '';
  const child = spawn(process.execPath, [join(ROOT, 'scripts', 'start.mjs'), '--no-build'], {
    cwd: ROOT,
    env,
  });
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => output, exit };
}

describe('npm start (scripts/start.mjs)', () => {
  beforeAll(() => {
    if (!existsSync(join(ROOT, 'dist', 'apps', 'gateway', 'src', 'main.js'))) {
      expect(spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'ignore' }).status).toBe(0);
    }
  });

  it('starts all seven apps and the PSP sandbox as processes, says where the gateway listens, and stops them all on Ctrl-C', async () => {
    const env: Record<string, string | undefined> = {
      ...process.env,
      DATABASE_URL: testPostgresUrl(`${process.env.TEST_DATABASE}_launcher`),
      LOG_LEVEL: 'warn',
    };
    const ports: Record<string, number> = {};
    for (const app of APP_NAMES) {
      ports[app] = await freePort();
      env[portVariable(app)] = String(ports[app]);
    }
    ports.sandbox = await freePort();
    env.PSP_SANDBOX_PORT = String(ports.sandbox);
    const launched = launch(env);
    try {
      await eventually(async () => launched.output().includes('Ready.'), 90_000, 'launcher ready');
      expect(launched.output()).toContain(`http://localhost:${ports.gateway}/store`);
      const gateway = `http://127.0.0.1:${ports.gateway}`;
      const regions = await request(gateway).get('/store/regions').expect(200);
      expect(medusaSchemaErrors('StoreRegionsListRes', regions.body)).toBeNull();
      for (const app of [...APP_NAMES, 'sandbox'])
        await request(`http://127.0.0.1:${ports[app]}`).get('/health/ready').expect(200);
      expect(await schemasWithMigrations(env.DATABASE_URL as string)).toEqual([
        'cart',
        'catalog',
        'customer',
        'notification',
        'order',
        'payment',
      ]);

      launched.child.kill('SIGINT');
      expect(await launched.exit).toBe(0);
      expect(launched.output()).toContain('All apps stopped.');
      for (const app of [...APP_NAMES, 'sandbox']) {
        await expect(request(`http://127.0.0.1:${ports[app]}`).get('/health/live')).rejects.toThrow(
          /ECONNREFUSED/,
        );
      }
    } finally {
      if (launched.child.exitCode === null) launched.child.kill('SIGKILL');
    }
  });

  it('says plainly what is missing when NATS is not running', async () => {
    const launched = launch({ ...process.env, NATS_URL: `nats://127.0.0.1:${await freePort()}` });
    expect(await launched.exit).toBe(1);
    expect(launched.output()).toContain('NATS is not reachable');
    expect(launched.output()).toContain('nats-server -js');
  });
});
