import { Controller, Get, Param, Query, Req } from '@nestjs/common';
import { CatalogCommands, ListVariantsQuery, VariantList, VariantQuery, VariantReply } from '@app/contracts';
import { CommandClient } from '@app/platform';
import { FastifyRequest } from 'fastify';
import { CartPricing } from '../carts/cart-pricing';
import { PublishableKeys } from '../sales-channels/publishable-keys';

/** Medusa v1 store variants: list, one, of products in the sales channels of the storefront's key. */
@Controller('store/variants')
export class VariantsController {
  constructor(
    private readonly commands: CommandClient,
    private readonly cartPricing: CartPricing,
    private readonly keys: PublishableKeys,
  ) {}

  @Get()
  async list(@Query() query: ListVariantsQuery, @Req() request: FastifyRequest): Promise<VariantList> {
    const sales_channel_id = await this.keys.readChannels(request, query.sales_channel_id);
    return this.commands.request(CatalogCommands.listVariants, {
      ...(await this.cartPricing.resolve(query)),
      sales_channel_id,
    });
  }

  @Get(':id')
  async retrieve(
    @Param('id') id: string,
    @Query() query: VariantQuery,
    @Req() request: FastifyRequest,
  ): Promise<VariantReply> {
    const key_sales_channel_ids = await this.keys.readScope(request, query.sales_channel_id);
    return this.commands.request(CatalogCommands.getVariant, {
      ...(await this.cartPricing.resolve(query)),
      id,
      key_sales_channel_ids,
    });
  }
}
