import { Module } from '@nestjs/common';
import { AdminShippingHandlers } from './admin-shipping.handlers';
import { ShippingOptionWrites } from './shipping-option-writes.service';
import { ShippingOptionService } from './shipping-option.service';
import { ShippingProfileWrites } from './shipping-profile-writes.service';
import { ShippingHandlers } from './shipping.handlers';

@Module({
  controllers: [ShippingHandlers, AdminShippingHandlers],
  providers: [ShippingOptionService, ShippingOptionWrites, ShippingProfileWrites],
  exports: [ShippingOptionWrites],
})
export class ShippingModule {}
