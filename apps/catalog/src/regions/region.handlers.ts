import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  CatalogCommands,
  CreateRegionRequest,
  GetRegionRequest,
  ListRegionsQuery,
  RegionList,
  RegionReply,
  UpdateRegionRequest,
} from '@app/contracts';
import { Idempotency } from '@app/platform';
import { RegionCreation } from './region-creation.service';
import { RegionUpdate } from './region-update.service';
import { RegionService } from './region.service';

/** Region commands: reads are safe to retry; creation and changes are idempotent under an Idempotency-Key. */
@Controller()
export class RegionHandlers {
  constructor(
    private readonly regions: RegionService,
    private readonly creation: RegionCreation,
    private readonly updates: RegionUpdate,
    private readonly idempotency: Idempotency,
  ) {}

  @MessagePattern(CatalogCommands.listRegions.subject)
  list(@Payload() query: ListRegionsQuery): Promise<RegionList> {
    return this.regions.list(query);
  }

  @MessagePattern(CatalogCommands.getRegion.subject)
  get(@Payload() request: GetRegionRequest): Promise<RegionReply> {
    return this.regions.retrieve(request.id);
  }

  @MessagePattern(CatalogCommands.createRegion.subject)
  create(@Payload() request: CreateRegionRequest): Promise<RegionReply> {
    return this.idempotency.run(CatalogCommands.createRegion.subject, request, (manager) =>
      this.creation.create(manager, request),
    );
  }

  @MessagePattern(CatalogCommands.updateRegion.subject)
  update(@Payload() request: UpdateRegionRequest): Promise<RegionReply> {
    return this.idempotency.run(CatalogCommands.updateRegion.subject, request, (manager) =>
      this.updates.update(manager, request),
    );
  }
}
