import { Injectable } from '@nestjs/common';
import { AdminPresaleOffer, AdminPresaleOfferReply, PresaleOffer, PresaleOffersReply } from '@app/contracts';
import { DomainError, PreparedStatements } from '@app/platform';
import { EntityManager } from 'typeorm';

/**
 * An offer as the catalog reads it: the offer, its variant and product, the variant's price; for the
 * store only published products' offers, for the merchant every one with its stock and sales too.
 */
const offerSelect = (forMerchant: boolean) => `
  SELECT o.variant_id, v.sku, v.product_id, p.title || ' ' || v.title AS title, o.currency_code,
    o.deposit_amount,
    (SELECT m.amount FROM catalog.money_amount m
     WHERE m.variant_id = v.id AND m.currency_code = o.currency_code AND m.price_list_id IS NULL
       AND m.region_id IS NULL AND coalesce(m.min_quantity, 1) <= 1
     ORDER BY m.amount LIMIT 1) AS price,
    to_char(o.balance_opens_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS balance_opens_at,
    to_char(o.balance_closes_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS balance_closes_at,
    o.stock_limit - o.sold AS stock, o.buy_limit,
    to_char(o.expect_arrival_time AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS expect_arrival_time,
    o.deposit_refundable${forMerchant ? ', o.stock_limit, o.sold' : ''}
  FROM catalog.presale_offer o
  JOIN catalog.product_variant v ON v.id = o.variant_id AND v.deleted_at IS NULL
  JOIN catalog.product p ON p.id = v.product_id AND p.deleted_at IS NULL${forMerchant ? '' : " AND p.status = 'published'"}`;
const OFFER_SELECT = offerSelect(false);
const MERCHANT_OFFER_SELECT = offerSelect(true);

/**
 * Presale offers (seed 004): variants sold before they arrive, for a deposit now and the balance
 * in a later window, from a presale stock of their own. A presale variant is never a cart line.
 */
@Injectable()
export class PresaleOffers {
  constructor(private readonly db: PreparedStatements) {}

  /** The offers whose balance window has not closed, soonest first. */
  async list(): Promise<PresaleOffersReply> {
    const offers = await this.db.rows<PresaleOffer>({
      name: 'catalog.presale.offers',
      text: `${OFFER_SELECT} WHERE o.balance_closes_at > now() ORDER BY o.balance_opens_at, o.variant_id`,
      values: [],
    });
    return { offers };
  }

  /** One offer by variant id or SKU (seed 004's `product_sku`); 404 when the variant is not in presale. */
  async get(productSku: string): Promise<PresaleOffer> {
    const [offer] = await this.db.rows<PresaleOffer>({
      name: 'catalog.presale.offer',
      text: `${OFFER_SELECT} WHERE o.variant_id = $1 OR v.sku = $1`,
      values: [productSku],
    });
    if (!offer) throw DomainError.notFound(`No presale offer for ${productSku}`);
    return offer;
  }

  /** Every offer, for the merchant: any product status, closed ones too, newest balance window first. */
  async adminList(): Promise<{ presale_offers: AdminPresaleOffer[] }> {
    const presale_offers = await this.db.rows<AdminPresaleOffer>({
      name: 'catalog.presale.admin-offers',
      text: `${MERCHANT_OFFER_SELECT} ORDER BY o.balance_opens_at DESC, o.variant_id`,
      values: [],
    });
    return { presale_offers };
  }

  /** One offer for the merchant, read with `manager` inside a write's transaction when given. */
  async adminGet(variantId: string, manager?: EntityManager): Promise<AdminPresaleOfferReply> {
    const text = `${MERCHANT_OFFER_SELECT} WHERE o.variant_id = $1`;
    const [offer] = manager
      ? ((await manager.query(text, [variantId])) as AdminPresaleOffer[])
      : await this.db.rows<AdminPresaleOffer>({
          name: 'catalog.presale.admin-offer',
          text,
          values: [variantId],
        });
    if (!offer) throw DomainError.notFound(`No presale offer for ${variantId}`);
    return { presale_offer: offer };
  }
}
