import { Module } from '@nestjs/common';
import { SalesChannelHandlers } from './sales-channel.handlers';
import { SalesChannelService } from './sales-channel.service';

@Module({
  controllers: [SalesChannelHandlers],
  providers: [SalesChannelService],
})
export class SalesChannelsModule {}
