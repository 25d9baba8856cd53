import { CatalogCommands, CatalogEvents, Region } from '@app/contracts';
import { CommandClient, NatsConnectionService } from '@app/platform';
import { RegionDirectory } from './region-directory.service';

const region = { id: 'reg_1', created_at: '2026-01-01T00:00:00.000Z' } as Region;

/** A directory over a catalog that counts its region listings, and the NATS subscription it makes. */
async function directory() {
  const listings: string[] = [];
  const commands = {
    request: jest.fn(async (command: { subject: string }) => {
      listings.push(command.subject);
      return { regions: [region] };
    }),
  } as unknown as CommandClient;
  const subscriptions = new Map<string, () => void>();
  const nats = {
    start: async () => undefined,
    isConnected: () => true,
    connection: {
      subscribe: (subject: string, options: { callback: () => void }) =>
        subscriptions.set(subject, options.callback),
    },
  } as unknown as NatsConnectionService;
  const regions = new RegionDirectory(commands, nats);
  regions.onApplicationBootstrap();
  await new Promise((resolve) => setImmediate(resolve));
  return { regions, listings, subscriptions };
}

describe('RegionDirectory', () => {
  it('loads the regions once while they are fresh', async () => {
    const { regions, listings } = await directory();
    await regions.get('reg_1');
    await regions.get('reg_1');
    expect(listings).toEqual([CatalogCommands.listRegions.subject]);
  });

  it("loads them again when the catalog announces a region, on every replica's own subscription", async () => {
    const { regions, listings, subscriptions } = await directory();
    await regions.get('reg_1');
    subscriptions.get(CatalogEvents.regionCreated.subject)?.();
    await regions.get('reg_1');
    expect(listings).toEqual([CatalogCommands.listRegions.subject, CatalogCommands.listRegions.subject]);
  });
});
