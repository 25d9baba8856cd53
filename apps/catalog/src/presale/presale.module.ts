import { Module } from '@nestjs/common';
import { PresaleHandlers } from './presale.handlers';
import { PresaleOffers } from './presale-offers.service';
import { PresaleStock } from './presale-stock.service';

@Module({
  controllers: [PresaleHandlers],
  providers: [PresaleOffers, PresaleStock],
  exports: [PresaleOffers, PresaleStock],
})
export class PresaleModule {}
