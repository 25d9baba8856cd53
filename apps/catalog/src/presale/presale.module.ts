import { Module } from '@nestjs/common';
import { PresaleHandlers } from './presale.handlers';
import { PresaleOffers } from './presale-offers.service';

@Module({ controllers: [PresaleHandlers], providers: [PresaleOffers], exports: [PresaleOffers] })
export class PresaleModule {}
