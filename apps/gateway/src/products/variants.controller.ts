import { Controller, Get, Param, Query } from '@nestjs/common';
import { CatalogCommands, ListVariantsQuery, VariantList, VariantQuery, VariantReply } from '@app/contracts';
import { CommandClient } from '@app/platform';

/** Medusa v1 store variants: list, one. */
@Controller('store/variants')
export class VariantsController {
  constructor(private readonly commands: CommandClient) {}

  @Get()
  list(@Query() query: ListVariantsQuery): Promise<VariantList> {
    return this.commands.request(CatalogCommands.listVariants, query);
  }

  @Get(':id')
  retrieve(@Param('id') id: string, @Query() query: VariantQuery): Promise<VariantReply> {
    return this.commands.request(CatalogCommands.getVariant, { ...query, id });
  }
}
