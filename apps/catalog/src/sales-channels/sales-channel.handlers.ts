import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  CatalogCommands,
  PublishableKeyRequest,
  PublishableKeyScopes,
  ResolveSalesChannelRequest,
  SalesChannelReply,
} from '@app/contracts';
import { SalesChannelService } from './sales-channel.service';

/** Sales channel reads: a publishable key's channels, and the channel a cart is sold in. */
@Controller()
export class SalesChannelHandlers {
  constructor(private readonly channels: SalesChannelService) {}

  @MessagePattern(CatalogCommands.publishableKeyScopes.subject)
  scopes(@Payload() request: PublishableKeyRequest): Promise<PublishableKeyScopes> {
    return this.channels.scopes(request);
  }

  @MessagePattern(CatalogCommands.resolveSalesChannel.subject)
  resolve(@Payload() request: ResolveSalesChannelRequest): Promise<SalesChannelReply> {
    return this.channels.resolve(request);
  }
}
