import { Module } from '@nestjs/common';
import { AdminProductHandlers } from './admin-product.handlers';
import { ProductOptionWrites } from './product-option-writes.service';
import { ProductWrites } from './product-writes.service';
import { VariantWrites } from './variant-writes.service';

@Module({
  controllers: [AdminProductHandlers],
  providers: [ProductWrites, VariantWrites, ProductOptionWrites],
  exports: [ProductWrites, VariantWrites],
})
export class AdminProductsModule {}
