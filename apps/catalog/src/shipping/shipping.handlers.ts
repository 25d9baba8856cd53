import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  CatalogCommands,
  ListCartShippingOptionsRequest,
  ListShippingOptionsQuery,
  QuoteShippingOptionRequest,
  ShippingOptionList,
  ShippingOptionQuote,
} from '@app/contracts';
import { ShippingOptionService } from './shipping-option.service';

@Controller()
export class ShippingHandlers {
  constructor(private readonly options: ShippingOptionService) {}

  @MessagePattern(CatalogCommands.listShippingOptions.subject)
  list(@Payload() query: ListShippingOptionsQuery): Promise<ShippingOptionList> {
    return this.options.list(query);
  }

  @MessagePattern(CatalogCommands.listCartShippingOptions.subject)
  listForCart(@Payload() request: ListCartShippingOptionsRequest): Promise<ShippingOptionList> {
    return this.options.listForCart(request);
  }

  @MessagePattern(CatalogCommands.quoteShippingOption.subject)
  quote(@Payload() request: QuoteShippingOptionRequest): Promise<ShippingOptionQuote> {
    return this.options.quote(request);
  }
}
