import { Injectable } from '@nestjs/common';
import { CreateGiftCardRequest, GiftCardList, GiftCardReply, ListGiftCardsQuery } from '@app/contracts';
import { containsPattern, DomainError, newId, PreparedStatements } from '@app/platform';
import { randomInt } from 'node:crypto';
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

  /**
   * `POST /admin/gift-cards`: a card of a known region, its balance its value, with a code drawn at
   * random (`XXXX-XXXX-XXXX-XXXX` from 32 unambiguous characters; drawn again on the rare clash).
   */
  async create(request: CreateGiftCardRequest): Promise<GiftCardReply> {
    const region = await this.regions.get(request.region_id);
    for (let attempt = 0; ; attempt += 1) {
      const code = giftCardCode();
      try {
        await this.reader.rows({
          name: 'cart.gift-card.create',
          text: `INSERT INTO cart.gift_card (id, code, value, balance, region_id, is_disabled, ends_at, tax_rate, metadata)
                 VALUES ($1, $2, $3, $3, $4, $5, $6, $7, $8)`,
          values: [
            newId('gift'),
            code,
            request.value,
            region.id,
            request.is_disabled ?? false,
            request.ends_at ?? null,
            region.gift_cards_taxable ? region.tax_rate : null,
            request.metadata ?? null,
          ],
        });
        const [row] = await this.reader.rows<{ gift_card: StoredGiftCard }>({
          name: 'cart.gift-card.by-code',
          text: BY_CODE,
          values: [code],
        });
        return { gift_card: { ...row.gift_card, region } };
      } catch (error) {
        if ((error as { code?: string }).code !== '23505' || attempt >= 3) throw error;
      }
    }
  }

  /** `GET /admin/gift-cards`: `{ gift_cards, count, offset, limit }`, newest first; `q` finds a code. */
  async list(query: ListGiftCardsQuery): Promise<GiftCardList> {
    const offset = query.offset ?? 0;
    const limit = query.limit ?? 50;
    const rows = await this.reader.rows<{ gift_card: StoredGiftCard; count: number }>({
      name: 'cart.gift-card.list',
      text: `SELECT ${jsonObject('g', GIFT_CARD_COLUMNS)} AS gift_card, count(*) OVER ()::int AS count
             FROM cart.gift_card g WHERE g.deleted_at IS NULL AND ($1::text IS NULL OR g.code ILIKE $1)
             ORDER BY g.created_at DESC, g.id DESC OFFSET $2 LIMIT $3`,
      values: [query.q ? containsPattern(query.q) : null, offset, limit],
    });
    // Medusa's admin shows each card's region and order: the region from the catalog's (cached) copy,
    // the order by its id (the order app's).
    const gift_cards = await Promise.all(
      rows.map(async ({ gift_card }) => ({
        ...gift_card,
        region: await this.regions.get(gift_card.region_id),
        order: gift_card.order_id ? { id: gift_card.order_id } : null,
      })),
    );
    return { gift_cards, count: rows[0]?.count ?? 0, offset, limit };
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

/** 32 characters without 0/O, 1/I: a code read aloud or typed is not mistaken. */
const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A gift card code, `XXXX-XXXX-XXXX-XXXX`, from a cryptographic random source. */
export function giftCardCode(): string {
  const groups = Array.from({ length: 4 }, () =>
    Array.from({ length: 4 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join(''),
  );
  return groups.join('-');
}
