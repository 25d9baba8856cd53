import { Injectable } from '@nestjs/common';
import { CatalogCommands, SalesChannel } from '@app/contracts';
import { CommandClient } from '@app/platform';

const FRESH_FOR_MS = 60_000;

/**
 * The sales channels carts are sold in, as the catalog validates them (it exists and is enabled;
 * none named: the store's default). A channel the catalog accepted is asked again once a minute
 * old, so a channel disabled meanwhile takes new carts for at most that long.
 */
@Injectable()
export class CartSalesChannels {
  private readonly accepted = new Map<string, { channel: SalesChannel; at: number }>();

  constructor(private readonly commands: CommandClient) {}

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
