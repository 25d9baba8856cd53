import { Module } from '@nestjs/common';
import { RegionCreation } from './region-creation.service';
import { RegionUpdate } from './region-update.service';
import { RegionHandlers } from './region.handlers';
import { RegionService } from './region.service';

@Module({
  controllers: [RegionHandlers],
  providers: [RegionService, RegionCreation, RegionUpdate],
  exports: [RegionCreation, RegionUpdate],
})
export class RegionsModule {}
