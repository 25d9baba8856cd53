import { Module } from '@nestjs/common';
import { DiscountService } from '../discounts/discount.service';
import { GiftCardService } from '../gift-cards/gift-card.service';
import { LineItemService } from '../line-items/line-item.service';
import { LinePricing } from '../line-items/line-pricing.service';
import { RegionDirectory } from '../regions/region-directory.service';
import { ShippingMethodService } from '../shipping/shipping-method.service';
import { CartStore } from './cart-store.service';
import { CartHandlers } from './cart.handlers';
import { CartService } from './cart.service';

@Module({
  controllers: [CartHandlers],
  providers: [
    CartStore,
    CartService,
    RegionDirectory,
    LinePricing,
    LineItemService,
    DiscountService,
    GiftCardService,
    ShippingMethodService,
  ],
})
export class CartsModule {}
