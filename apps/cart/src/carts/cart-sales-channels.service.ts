import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { CatalogCommands, CatalogEvents, SalesChannel } from '@app/contracts';
import { CommandClient, NatsConnectionService } from '@app/platform';

const FRESH_FOR_MS = 60_000;

/**
 * The sales channels carts are sold in, as the catalog validates them (it exists and is enabled;
 * none named: the store's default). A channel the catalog accepted is asked again once a minute
 * old or when the catalog announces a change of any channel (a plain subscription: every replica
 * hears it), so a channel disabled meanwhile takes no new carts.
 */
@Injectable()
export class CartSalesChannels implements OnApplicationBootstrap {
  private readonly accepted = new Map<string, { channel: SalesChannel; at: number }>();

  constructor(
    private readonly commands: CommandClient,
    private readonly nats: NatsConnectionService,
  ) {}

  onApplicationBootstrap(): void {
    void this.nats.start().then(() => {
      if (!this.nats.isConnected()) return;
      this.nats.connection.subscribe(CatalogEvents.salesChannelChanged.subject, {
        callback: () => this.accepted.clear(),
      });
    });
  }

  async resolve(id: string | undefined): Promise<SalesChannel> {
    const key = id ?? '';
    const known = this.accepted.get(key);
    if (known && Date.now() - known.at < FRESH_FOR_MS) return known.channel;
    const { sales_channel } = await this.commands.request(
      CatalogCommands.resolveSalesChannel,
      id === undefined ? {} : { id },
    );
    this.accepted.set(key, { channel: sales_channel, at: Date.now() });
    return sales_channel;
  }
}
