import { Module } from '@nestjs/common';
import { AdminProductHandlers } from './admin-product.handlers';
import { ProductWrites } from './product-writes.service';
import { VariantWrites } from './variant-writes.service';

@Module({
  controllers: [AdminProductHandlers],
  providers: [ProductWrites, VariantWrites],
  exports: [ProductWrites, VariantWrites],
})
export class AdminProductsModule {}
