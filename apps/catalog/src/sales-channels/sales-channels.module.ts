import { Module } from '@nestjs/common';
import { AdminSalesChannelHandlers } from './admin-sales-channel.handlers';
import { PublishableKeyWrites } from './publishable-key-writes.service';
import { SalesChannelHandlers } from './sales-channel.handlers';
import { SalesChannelWrites } from './sales-channel-writes.service';
import { SalesChannelService } from './sales-channel.service';

@Module({
  controllers: [SalesChannelHandlers, AdminSalesChannelHandlers],
  providers: [SalesChannelService, SalesChannelWrites, PublishableKeyWrites],
})
export class SalesChannelsModule {}
