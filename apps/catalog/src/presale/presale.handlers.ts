import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { CatalogCommands, PresaleOffer, PresaleOfferRef, PresaleOffersReply } from '@app/contracts';
import { PresaleOffers } from './presale-offers.service';

/** Presale offers of the catalog (seed 004). */
@Controller()
export class PresaleHandlers {
  constructor(private readonly offers: PresaleOffers) {}

  @MessagePattern(CatalogCommands.presaleOffers.subject)
  list(): Promise<PresaleOffersReply> {
    return this.offers.list();
  }

  @MessagePattern(CatalogCommands.presaleOffer.subject)
  get(@Payload() ref: PresaleOfferRef): Promise<PresaleOffer> {
    return this.offers.get(ref.product_sku);
  }
}
