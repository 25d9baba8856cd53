import { Module } from '@nestjs/common';
import { RegionHandlers } from './region.handlers';
import { RegionService } from './region.service';

@Module({
  controllers: [RegionHandlers],
  providers: [RegionService],
})
export class RegionsModule {}
