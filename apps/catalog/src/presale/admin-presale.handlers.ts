import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  AdminPresaleOffer,
  AdminPresaleOfferReply,
  CatalogCommands,
  DeletedReply,
  PresaleVariantRef,
  SetPresaleOfferRequest,
} from '@app/contracts';
import { Idempotency } from '@app/platform';
import { PresaleOfferWrites } from './presale-offer-writes.service';
import { PresaleOffers } from './presale-offers.service';

/** The merchant's presale offers: every one, and writes once per Idempotency-Key. */
@Controller()
export class AdminPresaleHandlers {
  constructor(
    private readonly offers: PresaleOffers,
    private readonly writes: PresaleOfferWrites,
    private readonly idempotency: Idempotency,
  ) {}

  @MessagePattern(CatalogCommands.adminPresaleOffers.subject)
  list(): Promise<{ presale_offers: AdminPresaleOffer[] }> {
    return this.offers.adminList();
  }

  @MessagePattern(CatalogCommands.adminPresaleOffer.subject)
  get(@Payload() ref: PresaleVariantRef): Promise<AdminPresaleOfferReply> {
    return this.offers.adminGet(ref.variant_id);
  }

  @MessagePattern(CatalogCommands.setPresaleOffer.subject)
  set(@Payload() { variant_id, ...offer }: SetPresaleOfferRequest): Promise<AdminPresaleOfferReply> {
    return this.idempotency.run(
      CatalogCommands.setPresaleOffer.subject,
      { variant_id, ...offer },
      async (manager) => {
        await this.writes.set(manager, variant_id, offer);
        return this.offers.adminGet(variant_id, manager);
      },
    );
  }

  @MessagePattern(CatalogCommands.deletePresaleOffer.subject)
  delete(@Payload() ref: PresaleVariantRef): Promise<DeletedReply> {
    return this.idempotency.run(CatalogCommands.deletePresaleOffer.subject, ref, async (manager) => {
      await this.writes.delete(manager, ref.variant_id);
      return { id: ref.variant_id, object: 'presale_offer', deleted: true as const };
    });
  }
}
