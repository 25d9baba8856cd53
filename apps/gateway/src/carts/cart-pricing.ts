import { Injectable } from '@nestjs/common';
import { CartCommands } from '@app/contracts';
import { CommandClient } from '@app/platform';

/**
 * `cart_id` pricing of products and variants: the cart app says which region (and currency) the
 * cart prices in; the catalog is then asked for that region.
 */
@Injectable()
export class CartPricing {
  constructor(private readonly commands: CommandClient) {}

  async resolve<Q extends { cart_id?: string; region_id?: string; currency_code?: string }>(
    query: Q,
  ): Promise<Q> {
    if (!query.cart_id) return query;
    const { cart_id, ...rest } = query;
    const context = await this.commands.request(CartCommands.pricingContext, { cart_id });
    return { ...rest, region_id: context.region_id, currency_code: context.currency_code } as Q;
  }
}
