import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { CatalogCommands, CatalogEvents, Region } from '@app/contracts';
import { CommandClient, DomainError, NatsConnectionService } from '@app/platform';

const FRESH_FOR_MS = 60_000;

/**
 * The catalog's regions as the cart app needs them (currency, taxes, countries, providers, and the
 * region a cart shows). Regions are the catalog's; the cart keeps a copy, loaded whole from the
 * catalog and reloaded once it is a minute old or the catalog announces a new or changed region
 * (every replica hears it: a plain subscription, the minute being the fallback); a region it has not
 * seen yet is fetched on its own.
 */
@Injectable()
export class RegionDirectory implements OnApplicationBootstrap {
  private regions = new Map<string, Region>();
  private loadedAt = 0;
  private loading?: Promise<void>;

  constructor(
    private readonly commands: CommandClient,
    private readonly nats: NatsConnectionService,
  ) {}

  onApplicationBootstrap(): void {
    void this.nats.start().then(() => {
      if (!this.nats.isConnected()) return;
      for (const event of [CatalogEvents.regionCreated, CatalogEvents.regionUpdated]) {
        this.nats.connection.subscribe(event.subject, { callback: () => this.invalidate() });
      }
    });
  }

  /** The region, or `not_found` as the catalog words it. */
  async get(id: string): Promise<Region> {
    await this.fresh();
    const known = this.regions.get(id);
    if (known) return known;
    const { region } = await this.commands.request(CatalogCommands.getRegion, { id });
    this.regions.set(region.id, region);
    return region;
  }

  /**
   * A region already loaded, however old, without asking the catalog (for code inside a
   * transaction, which may not wait on another app): `get` it first.
   */
  known(id: string): Region {
    const region = this.regions.get(id);
    if (!region) throw new Error(`Region ${id} was not loaded before it was needed`);
    return region;
  }

  /** The region carts get when they name none: the oldest one, as Medusa picks its first. */
  async defaultRegion(): Promise<Region> {
    await this.fresh();
    const [first] = [...this.regions.values()].sort((a, b) => a.created_at.localeCompare(b.created_at));
    if (!first) throw DomainError.notFound('No region is set up: a cart needs one');
    return first;
  }

  /** Forget what is known; the next read loads the regions again. */
  invalidate(): void {
    this.loadedAt = 0;
  }

  private async fresh(): Promise<void> {
    if (Date.now() - this.loadedAt < FRESH_FOR_MS) return;
    this.loading ??= this.commands
      .request(CatalogCommands.listRegions, { limit: 1000 })
      .then(({ regions }) => {
        this.regions = new Map(regions.map((region) => [region.id, region]));
        this.loadedAt = Date.now();
      })
      .finally(() => (this.loading = undefined));
    await this.loading;
  }
}
