import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { CatalogCommands, PricedVariants, PriceVariantsRequest } from '@app/contracts';
import { VariantPricingService } from './variant-pricing.service';

@Controller()
export class PricingHandlers {
  constructor(private readonly pricing: VariantPricingService) {}

  @MessagePattern(CatalogCommands.priceVariants.subject)
  priceVariants(@Payload() request: PriceVariantsRequest): Promise<PricedVariants> {
    return this.pricing.price(request);
  }
}
