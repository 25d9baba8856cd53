import { Controller, Get, Query } from '@nestjs/common';
import { CatalogCommands, ListShippingOptionsQuery, ShippingOptionList } from '@app/contracts';
import { CommandClient } from '@app/platform';

/** Medusa v1 store shipping options (the per-cart listing is served with the cart routes). */
@Controller('store/shipping-options')
export class ShippingOptionsController {
  constructor(private readonly commands: CommandClient) {}

  @Get()
  list(@Query() query: ListShippingOptionsQuery): Promise<ShippingOptionList> {
    return this.commands.request(CatalogCommands.listShippingOptions, query);
  }
}
