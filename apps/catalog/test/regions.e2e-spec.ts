import { CatalogCommands, DemoRegionIds } from '@app/contracts';
import { DomainError } from '@app/platform';
import { createTestEnvironment, TestEnvironment } from '../../../test/support/test-environment';

describe('catalog: region commands', () => {
  let env: TestEnvironment;

  beforeAll(async () => {
    env = await createTestEnvironment({ apps: ['catalog'] });
  });
  afterAll(() => env.close());

  it('serves the seeded demo regions with countries and providers', async () => {
    const { regions, count, offset, limit } = await env.commands.request(CatalogCommands.listRegions, {});
    expect({ count, offset, limit }).toEqual({ count: 2, offset: 0, limit: 100 });
    const europe = regions.find((region) => region.id === DemoRegionIds.europe);
    expect(europe).toMatchObject({ name: 'Europe', currency_code: 'eur', tax_rate: 20, deleted_at: null });
    expect(europe?.countries.map((country) => country.iso_2)).toEqual(
      expect.arrayContaining(['de', 'fr', 'it', 'es', 'nl']),
    );
    expect(europe?.payment_providers).toEqual([
      { id: 'cashier', is_installed: true },
      { id: 'manual', is_installed: true },
    ]);
  });

  it('gets one region by id', async () => {
    const { region } = await env.commands.request(CatalogCommands.getRegion, { id: DemoRegionIds.china });
    expect(region).toMatchObject({ id: DemoRegionIds.china, currency_code: 'cny' });
    expect(region.countries).toEqual([
      {
        id: 156,
        iso_2: 'cn',
        iso_3: 'chn',
        num_code: 156,
        name: 'CHINA',
        display_name: 'China',
        region_id: DemoRegionIds.china,
      },
    ]);
    expect(region.payment_providers.map((provider) => provider.id)).toEqual([
      'alipay',
      'cashier',
      'manual',
      'wechat',
    ]);
    expect(region.fulfillment_providers).toEqual([{ id: 'manual', is_installed: true }]);
  });

  it('writes timestamps as JavaScript does (ISO 8601, UTC, milliseconds)', async () => {
    const { region } = await env.commands.request(CatalogCommands.getRegion, { id: DemoRegionIds.europe });
    expect(new Date(region.created_at).toISOString()).toBe(region.created_at);
    expect(new Date(region.updated_at).toISOString()).toBe(region.updated_at);
    expect(region.deleted_at).toBeNull();
  });

  it('answers an unknown id with not_found, worded as Medusa words it', async () => {
    await expect(
      env.commands.request(CatalogCommands.getRegion, { id: 'reg_missing' }),
    ).rejects.toMatchObject({
      type: 'not_found',
      message: 'Region with reg_missing was not found',
    });
  });

  it.each([
    [{ offset: 1, limit: 1 }, 1, [DemoRegionIds.china]],
    [{ offset: 5 }, 0, []],
    [{ limit: 0 }, 0, []],
    [{ created_at: { gt: '2000-01-01' } }, 2, [DemoRegionIds.europe, DemoRegionIds.china]],
    [{ created_at: { lt: '2000-01-01' } }, 0, []],
    [
      { updated_at: { gte: '2000-01-01', lte: '2999-01-01' } },
      2,
      [DemoRegionIds.europe, DemoRegionIds.china],
    ],
  ])('lists %j: %d on the page', async (query, pageSize, ids) => {
    const list = await env.commands.request(CatalogCommands.listRegions, query as never);
    expect(list.regions.map((region) => region.id)).toEqual(ids);
    expect(list.regions).toHaveLength(pageSize);
  });

  it('counts every match, not just the page', async () => {
    const list = await env.commands.request(CatalogCommands.listRegions, { offset: 1, limit: 1 });
    expect(list.count).toBe(2);
  });

  it('validates the payload in the catalog too, not only at the gateway', async () => {
    const error = await env.commands
      .request(CatalogCommands.listRegions, { limit: 5000, sneaky: true } as never)
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ type: 'invalid_data' });
    expect((error as DomainError).message).toContain('property sneaky should not exist');
  });
});
