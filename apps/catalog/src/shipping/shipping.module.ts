import { Module } from '@nestjs/common';
import { ShippingOptionService } from './shipping-option.service';
import { ShippingHandlers } from './shipping.handlers';

@Module({ controllers: [ShippingHandlers], providers: [ShippingOptionService] })
export class ShippingModule {}
