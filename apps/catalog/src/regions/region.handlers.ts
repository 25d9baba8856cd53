import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { CatalogCommands, GetRegionRequest, ListRegionsQuery, RegionList, RegionReply } from '@app/contracts';
import { RegionService } from './region.service';

/** Region commands: read-only, so safe to retry. */
@Controller()
export class RegionHandlers {
  constructor(private readonly regions: RegionService) {}

  @MessagePattern(CatalogCommands.listRegions.subject)
  list(@Payload() query: ListRegionsQuery): Promise<RegionList> {
    return this.regions.list(query);
  }

  @MessagePattern(CatalogCommands.getRegion.subject)
  get(@Payload() request: GetRegionRequest): Promise<RegionReply> {
    return this.regions.retrieve(request.id);
  }
}
