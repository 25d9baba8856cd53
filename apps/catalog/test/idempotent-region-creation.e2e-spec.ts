import { CatalogCommands, CreateRegionRequest, RegionReply } from '@app/contracts';
import {
  CommandTimeoutError,
  DomainError,
  Idempotency,
  paramsHash,
  runInRequestContext,
} from '@app/platform';
import { newRegion as region } from '../../../test/support/fixtures';
import { createTestEnvironment, eventually, TestEnvironment } from '../../../test/support/test-environment';

describe('catalog: creating a region is idempotent under an Idempotency-Key', () => {
  let env: TestEnvironment;

  const create = (key: string | undefined, request: CreateRegionRequest, timeoutMs?: number) =>
    runInRequestContext(
      { correlationId: `corr-${key}`, idempotencyKey: key, forwardIdempotencyKey: true },
      () => env.commands.request(CatalogCommands.createRegion, request, { timeoutMs }),
    );
  const regionsNamed = async (name: string) =>
    (await env.sql<{ id: string }>('SELECT id FROM catalog.region WHERE name = $1', [name])).map(
      (row) => row.id,
    );
  const eventsFor = async (regionId: string) => {
    const sql = "SELECT count(*)::int AS n FROM catalog.outbox WHERE envelope->>'aggregate_id' = $1";
    return (await env.sql<{ n: number }>(sql, [regionId]))[0].n;
  };

  beforeAll(async () => {
    env = await createTestEnvironment({ apps: ['catalog'], freshDatabase: true });
  });
  afterAll(() => env.close());

  it('a write that committed but timed out at the caller, retried with the same key, has exactly one effect', async () => {
    const timedOut = await create('key-timeout', region('Oceania', ['au', 'nz']), 1).catch(
      (error: unknown) => error,
    );
    expect(timedOut).toBeInstanceOf(CommandTimeoutError);
    await eventually(
      async () => (await regionsNamed('Oceania')).length === 1,
      5_000,
      'the first attempt committed',
    );
    const retried = await create('key-timeout', region('Oceania', ['au', 'nz']));
    const [id] = await regionsNamed('Oceania');
    expect(retried.region.id).toBe(id);
    expect(await regionsNamed('Oceania')).toHaveLength(1);
    expect(await eventsFor(id)).toBe(1);
  });

  it('replays the stored reply for a finished key', async () => {
    const first = await create('key-replay', region('Nordics', ['no', 'fi']));
    const second = await create('key-replay', region('Nordics', ['no', 'fi']));
    expect(second).toEqual(JSON.parse(JSON.stringify(first)));
    expect(await regionsNamed('Nordics')).toHaveLength(1);
  });

  it('refuses the same key with another body (422 at the gateway) and changes nothing', async () => {
    await create('key-other-body', region('Alps', ['ch']));
    const error = await create('key-other-body', region('Alps', ['ch', 'hu'])).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ type: 'duplicate_error', code: 'idempotency_key_reused' });
    expect(
      (await env.sql("SELECT region_id FROM catalog.country WHERE iso_2 = 'hu'"))[0].region_id,
    ).toBeNull();
  });

  it('concurrent duplicates have one effect; the others replay it or are told to retry (409)', async () => {
    const outcomes = await Promise.all(
      Array.from({ length: 10 }, () =>
        create('key-concurrent', region('Latin America', ['mx', 'br'])).catch((error: unknown) => error),
      ),
    );
    const ids = await regionsNamed('Latin America');
    expect(ids).toHaveLength(1);
    expect(await eventsFor(ids[0])).toBe(1);
    for (const outcome of outcomes) {
      if (outcome instanceof DomainError)
        expect(outcome).toMatchObject({ type: 'conflict', code: 'idempotency_key_in_flight' });
      else expect((outcome as RegionReply).region.id).toBe(ids[0]);
    }
    expect(outcomes.some((outcome) => !(outcome instanceof DomainError))).toBe(true);
  });

  it('a failed attempt does not poison its key: the retry runs again', async () => {
    await env.sql(
      "UPDATE catalog.country SET region_id = (SELECT id FROM catalog.region WHERE name = 'Oceania') WHERE iso_2 = 'gb'",
    );
    const failed = await create('key-retry-after-failure', region('British Isles', ['gb', 'ie'])).catch(
      (error: unknown) => error,
    );
    expect(failed).toMatchObject({ type: 'not_allowed' });
    await env.sql("UPDATE catalog.country SET region_id = NULL WHERE iso_2 = 'gb'");
    const retried = await create('key-retry-after-failure', region('British Isles', ['gb', 'ie']));
    expect(retried.region.countries.map((country) => country.display_name)).toEqual([
      'Ireland',
      'United Kingdom',
    ]);
    expect(await regionsNamed('British Isles')).toHaveLength(1);
  });

  it('takes over a key whose holder died in flight, but not one still fresh', async () => {
    const insertInFlight = (key: string, age: string) =>
      env.sql(
        `INSERT INTO catalog.idempotency_key (key, route, params_hash, state, locked_at)
         SELECT $1, 'catalog.region.create', $2, 'in_flight', now() - $3::interval`,
        [key, paramsHash(region('East Asia', ['jp', 'kr'])), age],
      );
    await insertInFlight('key-fresh', '0 seconds');
    await expect(create('key-fresh', region('East Asia', ['jp', 'kr']))).rejects.toMatchObject({
      type: 'conflict',
    });
    await insertInFlight('key-stale', '1 hour');
    const taken = await create('key-stale', region('East Asia', ['jp', 'kr']));
    expect(taken.region.name).toBe('East Asia');
  });

  it('forgets keys after the retention period', async () => {
    await env.sql(
      "INSERT INTO catalog.idempotency_key (key, route, params_hash, state, created_at) VALUES ('key-ancient', 'r', 'h', 'finished', now() - interval '3 days')",
    );
    await env.app('catalog').app.get(Idempotency).pruneExpiredKeys();
    const rows = await env.sql(
      "SELECT key FROM catalog.idempotency_key WHERE key IN ('key-ancient', 'key-replay')",
    );
    expect(rows).toEqual([{ key: 'key-replay' }]);
  });

  it('without a key, each request is its own write', async () => {
    await create(undefined, region('Anywhere A'));
    await create(undefined, region('Anywhere A'));
    expect(await regionsNamed('Anywhere A')).toHaveLength(2);
  });
});
