import request from 'supertest';
import { createTestEnvironment, TestEnvironment } from '../support/test-environment';

/**
 * `METHOD /path` of every route Fastify serves, read from its router's printed tree (each line a
 * segment under its parent, four columns deeper), with OpenAPI's `{id}` for `:id`.
 */
function servedRoutes(env: TestEnvironment): string[] {
  const tree = env.app('gateway').app.getHttpAdapter().getInstance().printRoutes({ commonPrefix: false });
  const parents: string[] = [];
  const routes = new Set<string>();
  for (const line of tree.split('\n')) {
    const match = /^(.*?)(?:├── |└── )(\S+)(?: \(([A-Z, ]+)\))?$/.exec(line);
    if (!match) continue;
    const depth = match[1].length / 4;
    const path = (parents[depth - 1] ?? '') + match[2];
    parents[depth] = path;
    for (const method of match[3]?.split(', ') ?? []) {
      // HEAD comes with every GET, OPTIONS with CORS; neither is a route of ours.
      if (method !== 'HEAD' && method !== 'OPTIONS')
        routes.add(`${method} ${path.replace(/:([A-Za-z0-9_]+)/g, '{$1}')}`);
    }
  }
  return [...routes].sort();
}

describe('API docs', () => {
  let env: TestEnvironment;
  let gateway: string;

  beforeAll(async () => {
    env = await createTestEnvironment({ apps: ['gateway'], waitReady: false });
    gateway = env.url('gateway');
  });
  afterAll(() => env.close());

  it('GET /openapi.json documents every route the gateway serves, and only those', async () => {
    const { body: document } = await request(gateway).get('/openapi.json').expect(200);
    expect(document).toMatchObject({ openapi: '3.0.3', info: { title: 'Checkout backend' } });
    const documented = Object.entries(document.paths as Record<string, Record<string, unknown>>)
      .flatMap(([path, methods]) => Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`))
      .sort();
    const served = servedRoutes(env);
    expect(served.length).toBeGreaterThan(100);
    expect(documented).toEqual(served);
  });

  it('takes store operations from Medusa’s spec, and tags ours', async () => {
    const { body: document } = await request(gateway).get('/openapi.json').expect(200);
    expect(document.paths['/store/carts/{id}/complete'].post).toMatchObject({
      operationId: 'PostCartsCartComplete',
      tags: ['store'],
    });
    expect(document.components.schemas.StoreCartsRes).toBeDefined();
    const tagged = (path: string, method: string) => document.paths[path][method].tags;
    expect(tagged('/admin/orders', 'get')).toEqual(['admin']);
    expect(tagged('/health/ready', 'get')).toEqual(['operations']);
    const seeds = Object.entries(document.paths as Record<string, Record<string, { tags: string[] }>>).filter(
      ([, methods]) => Object.values(methods).some((operation) => operation.tags.includes('seeds')),
    );
    expect(seeds.length).toBeGreaterThan(5);
  });

  it('GET /docs is a page of every operation, answered at once (no redirect)', async () => {
    const page = await request(gateway).get('/docs').redirects(0).expect(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.text).toContain('<a href="/openapi.json">');
    expect(page.text).toContain('/store/carts/{id}/complete');
    expect(page.text).toContain('/admin/orders');
  });
});
