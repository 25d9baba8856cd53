import { Module } from '@nestjs/common';
import { PricingContexts } from './pricing-context.service';
import { PricingHandlers } from './pricing.handlers';
import { VariantPricingService } from './variant-pricing.service';

@Module({
  controllers: [PricingHandlers],
  providers: [PricingContexts, VariantPricingService],
  exports: [PricingContexts],
})
export class PricingModule {}
