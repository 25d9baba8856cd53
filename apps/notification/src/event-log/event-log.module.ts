import { Module } from '@nestjs/common';
import { RegionCreatedSubscriber } from './region-created.subscriber';

@Module({ providers: [RegionCreatedSubscriber] })
export class EventLogModule {}
