import { CatalogCommands } from '@app/contracts';
import { ChildProcess, spawn } from 'node:child_process';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { freePort } from '../support/ports';
import { createTestEnvironment, eventually, TestEnvironment } from '../support/test-environment';

const ROOT = join(__dirname, '..', '..');

/**
 * An app run as production runs it (`node dist/apps/catalog/src/main.js`) with
 * OTEL_EXPORTER_OTLP_ENDPOINT set exports its spans by OTLP over HTTP: here, to a collector in the test.
 */
describe('traces exported by OTLP when configured', () => {
  let env: TestEnvironment;
  let collector: Server;
  let app: ChildProcess | undefined;
  const exports: { path?: string; body: string }[] = [];

  beforeAll(async () => {
    env = await createTestEnvironment({ apps: [], freshDatabase: true });
    collector = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString('latin1')));
      request.on('end', () => {
        exports.push({ path: request.url, body });
        response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      });
    });
    await new Promise<void>((resolve) => collector.listen(0, '127.0.0.1', resolve));
  });
  afterAll(async () => {
    if (app && app.exitCode === null) {
      const exited = new Promise((resolve) => app!.once('exit', resolve));
      app.kill('SIGTERM');
      await exited;
    }
    collector.close();
    await env.close();
  });

  it("sends the app's command and SQL spans, named for the app, to the collector", async () => {
    const port = await freePort();
    app = spawn(process.execPath, [join(ROOT, 'dist/apps/catalog/src/main.js')], {
      cwd: ROOT,
      stdio: 'ignore',
      env: {
        ...process.env,
        ...env.env,
        CATALOG_PORT: String(port),
        LOG_LEVEL: 'error',
        OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${(collector.address() as AddressInfo).port}`,
      },
    });
    await eventually(
      async () => (await fetch(`http://127.0.0.1:${port}/health/ready`)).ok,
      60_000,
      'the catalog app ready',
    );
    const { regions } = await env.commands.request(CatalogCommands.listRegions, {});
    expect(regions.length).toBeGreaterThan(0);
    // The batch processor sends within seconds; SIGTERM flushes what is left.
    await eventually(
      async () => exports.some((sent) => sent.body.includes('catalog.region.list process')),
      15_000,
      'the spans exported',
    );
    const sent = exports.find((candidate) => candidate.body.includes('catalog.region.list process'))!;
    expect(sent.path).toBe('/v1/traces');
    expect(sent.body).toContain('checkout-catalog');
    expect(exports.map((candidate) => candidate.body).join()).toContain('postgresql');
  });
});
