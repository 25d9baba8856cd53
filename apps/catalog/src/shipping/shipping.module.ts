import { Module } from '@nestjs/common';
import { AdminShippingHandlers } from './admin-shipping.handlers';
import { ShippingOptionWrites } from './shipping-option-writes.service';
import { ShippingOptionService } from './shipping-option.service';
import { ShippingHandlers } from './shipping.handlers';

@Module({
  controllers: [ShippingHandlers, AdminShippingHandlers],
  providers: [ShippingOptionService, ShippingOptionWrites],
  exports: [ShippingOptionWrites],
})
export class ShippingModule {}
