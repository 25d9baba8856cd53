import { Module } from '@nestjs/common';
import { PricingModule } from '../pricing/pricing.module';
import { ProductHandlers } from './product.handlers';
import { ProductService } from './product.service';
import { VariantService } from './variant.service';

@Module({
  imports: [PricingModule],
  controllers: [ProductHandlers],
  providers: [ProductService, VariantService],
})
export class ProductsModule {}
