import { Module } from '@nestjs/common';
import { AdminPresaleHandlers } from './admin-presale.handlers';
import { PresaleHandlers } from './presale.handlers';
import { PresaleOfferWrites } from './presale-offer-writes.service';
import { PresaleOffers } from './presale-offers.service';
import { PresaleStock } from './presale-stock.service';

@Module({
  controllers: [PresaleHandlers, AdminPresaleHandlers],
  providers: [PresaleOffers, PresaleStock, PresaleOfferWrites],
  exports: [PresaleOffers, PresaleStock, PresaleOfferWrites],
})
export class PresaleModule {}
