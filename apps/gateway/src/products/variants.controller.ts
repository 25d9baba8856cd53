import { Controller, Get, Param, Query } from '@nestjs/common';
import { CatalogCommands, ListVariantsQuery, VariantList, VariantQuery, VariantReply } from '@app/contracts';
import { CommandClient } from '@app/platform';
import { CartPricing } from '../carts/cart-pricing';

/** Medusa v1 store variants: list, one. */
@Controller('store/variants')
export class VariantsController {
  constructor(
    private readonly commands: CommandClient,
    private readonly cartPricing: CartPricing,
  ) {}

  @Get()
  async list(@Query() query: ListVariantsQuery): Promise<VariantList> {
    return this.commands.request(CatalogCommands.listVariants, await this.cartPricing.resolve(query));
  }

  @Get(':id')
  async retrieve(@Param('id') id: string, @Query() query: VariantQuery): Promise<VariantReply> {
    return this.commands.request(CatalogCommands.getVariant, {
      ...(await this.cartPricing.resolve(query)),
      id,
    });
  }
}
