import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  CatalogCommands,
  PresaleOffer,
  PresaleOfferRef,
  PresaleOffersReply,
  PresaleReservationReply,
  ReservationRequest,
  ReservePresaleRequest,
} from '@app/contracts';
import { PresaleOffers } from './presale-offers.service';
import { PresaleStock } from './presale-stock.service';

/** Presale offers of the catalog (seed 004). */
@Controller()
export class PresaleHandlers {
  constructor(
    private readonly offers: PresaleOffers,
    private readonly stock: PresaleStock,
  ) {}

  @MessagePattern(CatalogCommands.presaleOffers.subject)
  list(): Promise<PresaleOffersReply> {
    return this.offers.list();
  }

  @MessagePattern(CatalogCommands.reservePresale.subject)
  reserve(@Payload() request: ReservePresaleRequest): Promise<PresaleReservationReply> {
    return this.stock.reserve(request);
  }

  @MessagePattern(CatalogCommands.releasePresale.subject)
  release(@Payload() request: ReservationRequest): Promise<PresaleReservationReply> {
    return this.stock.release(request.reservation_key);
  }

  @MessagePattern(CatalogCommands.presaleOffer.subject)
  get(@Payload() ref: PresaleOfferRef): Promise<PresaleOffer> {
    return this.offers.get(ref.product_sku);
  }
}
