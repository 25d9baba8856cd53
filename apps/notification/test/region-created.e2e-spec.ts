import { CatalogCommands } from '@app/contracts';
import { runInRequestContext } from '@app/platform';
import { newRegion } from '../../../test/support/fixtures';
import { createTestEnvironment, eventually, TestEnvironment } from '../../../test/support/test-environment';

describe('events: a created region reaches the notification app once', () => {
  let env: TestEnvironment;

  const logged = (regionId: string) =>
    env.sql('SELECT event_id, correlation_id FROM notification.event_log WHERE aggregate_id = $1', [
      regionId,
    ]);

  beforeAll(async () => {
    env = await createTestEnvironment({ apps: ['catalog'], freshDatabase: true });
  });
  afterAll(() => env.close());

  it('is delivered once to a consumer that was down when it was published, with its correlation id', async () => {
    const { region: created } = await runInRequestContext({ correlationId: 'corr-region-1' }, () =>
      env.commands.request(CatalogCommands.createRegion, newRegion('North America', ['us', 'ca'], 8)),
    );
    expect(created).toMatchObject({ name: 'North America', currency_code: 'usd', tax_rate: 8 });
    expect(created.countries.map((country) => country.iso_2)).toEqual(['ca', 'us']);
    await eventually(
      async () => {
        const rows = await env.sql<{ sent_at: Date | null }>(
          "SELECT sent_at FROM catalog.outbox WHERE envelope->>'aggregate_id' = $1",
          [created.id],
        );
        return rows.length === 1 && rows[0].sent_at !== null;
      },
      10_000,
      'event published',
    );

    const notification = await createTestEnvironment({
      apps: ['notification'],
      env: { DATABASE_URL: env.env.DATABASE_URL },
    });
    try {
      await eventually(async () => (await logged(created.id)).length > 0, 10_000, 'event recorded');
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(await logged(created.id)).toEqual([
        { event_id: expect.stringMatching(/^evt_/), correlation_id: 'corr-region-1' },
      ]);
    } finally {
      await notification.close();
    }
  });

  it('refuses a region in countries of another region, and writes nothing', async () => {
    const error = await env.commands
      .request(CatalogCommands.createRegion, newRegion('Duplicate', ['de']))
      .catch((e: unknown) => e);
    expect(error).toMatchObject({
      type: 'not_allowed',
      message: expect.stringContaining('Germany already exists in region'),
    });
    const regions = await env.sql("SELECT count(*)::int AS n FROM catalog.region WHERE name = 'Duplicate'");
    expect(regions[0].n).toBe(0);
    const outbox = await env.sql(
      "SELECT count(*)::int AS n FROM catalog.outbox WHERE envelope->'data'->>'name' = 'Duplicate'",
    );
    expect(outbox[0].n).toBe(0);
  });
});
