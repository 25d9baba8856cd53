import { Injectable } from '@nestjs/common';
import { GiftCardReply } from '@app/contracts';
import { DomainError, PreparedStatements } from '@app/platform';
import { EntityManager } from 'typeorm';
import { GIFT_CARD_COLUMNS } from '../carts/cart.sql';
import { StoredCart, StoredGiftCard } from '../carts/stored-cart';
import { RegionDirectory } from '../regions/region-directory.service';
import { jsonObject } from '@app/platform';

const BY_CODE = `SELECT ${jsonObject('g', GIFT_CARD_COLUMNS)} AS gift_card FROM cart.gift_card g
                 WHERE upper(g.code) = upper($1) AND g.deleted_at IS NULL`;

/** Gift cards: looked up by code, and put on carts of their region while they are usable. */
@Injectable()
export class GiftCardService {
  constructor(
    private readonly reader: PreparedStatements,
    private readonly regions: RegionDirectory,
  ) {}

  /** `GET /store/gift-cards/{code}`: a usable gift card with its region. */
  async retrieve(code: string): Promise<GiftCardReply> {
    const [row] = await this.reader.rows<{ gift_card: StoredGiftCard }>({
      name: 'cart.gift-card.by-code',
      text: BY_CODE,
      values: [code],
    });
    if (!row || row.gift_card.is_disabled)
      throw DomainError.notFound(`Gift card with code ${code} was not found`);
    return { gift_card: { ...row.gift_card, region: await this.regions.get(row.gift_card.region_id) } };
  }

  /** Makes the cart's gift cards exactly these codes (Medusa's `gift_cards` on a cart update). */
  async replace(manager: EntityManager, cart: StoredCart, codes: string[]): Promise<void> {
    await manager.query('DELETE FROM cart.cart_gift_cards WHERE cart_id = $1', [cart.id]);
    for (const code of new Set(codes.map((candidate) => candidate.toUpperCase()))) {
      const card = await this.usable(manager, code, cart.region_id);
      await manager.query(
        'INSERT INTO cart.cart_gift_cards (cart_id, gift_card_id) VALUES ($1, $2) ON CONFLICT DO NOTHING',
        [cart.id, card.id],
      );
    }
  }

  async removeAll(manager: EntityManager, cartId: string): Promise<void> {
    await manager.query('DELETE FROM cart.cart_gift_cards WHERE cart_id = $1', [cartId]);
  }

  private async usable(manager: EntityManager, code: string, regionId: string): Promise<StoredGiftCard> {
    const [row]: { gift_card: StoredGiftCard }[] = await manager.query(BY_CODE, [code]);
    if (!row) throw DomainError.notFound(`Gift card with code ${code} was not found`);
    const card = row.gift_card;
    if (card.is_disabled) throw DomainError.notAllowed('The gift card is disabled');
    if (card.ends_at && Date.parse(card.ends_at) < Date.now())
      throw DomainError.notAllowed('The gift card is expired');
    if (card.region_id !== regionId)
      throw DomainError.notAllowed('The gift card cannot be used in the current region');
    return card;
  }
}
