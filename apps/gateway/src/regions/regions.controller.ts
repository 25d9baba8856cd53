import { Controller, Get, Param, Query } from '@nestjs/common';
import { CatalogCommands, ListRegionsQuery, RegionList, RegionReply } from '@app/contracts';
import { CommandClient } from '@app/platform';

/** Medusa v1 store regions: `GET /store/regions`, `GET /store/regions/{id}`. */
@Controller('store/regions')
export class RegionsController {
  constructor(private readonly commands: CommandClient) {}

  @Get()
  list(@Query() query: ListRegionsQuery): Promise<RegionList> {
    return this.commands.request(CatalogCommands.listRegions, query);
  }

  @Get(':id')
  retrieve(@Param('id') id: string): Promise<RegionReply> {
    return this.commands.request(CatalogCommands.getRegion, { id });
  }
}
