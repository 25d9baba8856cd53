import { Injectable } from '@nestjs/common';
import {
  AddressPayload,
  CartPricingContext,
  CartRef,
  CartReply,
  CreateCartCommand,
  Region,
  UpdateCartCommand,
} from '@app/contracts';
import { DomainError, IdempotentUnit, newId } from '@app/platform';
import { EntityManager } from 'typeorm';
import { DiscountService } from '../discounts/discount.service';
import { GiftCardService } from '../gift-cards/gift-card.service';
import { LineItemService } from '../line-items/line-item.service';
import { LinePricing } from '../line-items/line-pricing.service';
import { PaymentSessionFollower } from '../payment-sessions/payment-session-follower.service';
import { RegionDirectory } from '../regions/region-directory.service';
import { CartStore, CartWrite } from './cart-store.service';
import { ADDRESS_COLUMNS } from './cart.sql';
import { StoredCart } from './stored-cart';

type Unit = IdempotentUnit<CartReply>;

const ADDRESS_FIELDS = ADDRESS_COLUMNS.filter(
  (column) => !['id', 'customer_id', 'created_at', 'updated_at', 'deleted_at'].includes(column),
);

/** Creating, reading and updating carts, as Medusa v1's cart service does. */
@Injectable()
export class CartService {
  constructor(
    private readonly store: CartStore,
    private readonly regions: RegionDirectory,
    private readonly pricing: LinePricing,
    private readonly lines: LineItemService,
    private readonly discounts: DiscountService,
    private readonly giftCards: GiftCardService,
    private readonly sessions: PaymentSessionFollower,
  ) {}

  /**
   * A new cart in the given region (else the default one), shipping to `country_code` (else to the
   * region's only country), with its first lines priced by the catalog.
   */
  async create(unit: Unit, command: CreateCartCommand): Promise<CartReply> {
    const region = command.region_id
      ? await this.regions.get(command.region_id)
      : await this.regions.defaultRegion();
    const country =
      command.country_code ?? (region.countries.length === 1 ? region.countries[0].iso_2 : undefined);
    if (country) assertCountryIn(region, country);
    const lines = command.items?.length
      ? (await this.pricing.price(region.id, mergeQuantities(command.items))).map((item) =>
          this.pricing.line(item),
        )
      : [];
    const id = newId('cart');
    const context = { ...command.request_context, ...command.context };
    let created: StoredCart | undefined;
    const reply = await unit.commit(async (manager) => {
      const shippingAddressId = country ? await this.insertAddress(manager, { country_code: country }) : null;
      await manager.query(
        `INSERT INTO cart.cart (id, region_id, shipping_address_id, context, sales_channel_id)
         VALUES ($1, $2, $3, $4, $5)`,
        [id, region.id, shippingAddressId, context, command.sales_channel_id ?? null],
      );
      if (lines.length) await this.lines.insertLines(manager, id, lines);
      created = await this.store.load(id, manager);
      return { cart: this.store.presentIn(created, region) };
    });
    // The cart as written: its first change is prepared without reading it again.
    if (created) this.store.remember(created);
    return reply;
  }

  get(command: CartRef): Promise<CartReply> {
    return this.store.reply(command.cart_id);
  }

  /** `POST /store/carts/{id}/taxes`: the cart with its taxes computed, even without automatic taxes. */
  taxes(command: CartRef): Promise<CartReply> {
    return this.store.reply(command.cart_id, { forceTaxes: true });
  }

  async pricingContext(command: CartRef): Promise<CartPricingContext> {
    const cart = await this.store.load(command.cart_id);
    const region = await this.regions.get(cart.region_id);
    return { region_id: region.id, currency_code: region.currency_code, customer_id: cart.customer_id };
  }

  /**
   * Medusa's cart update: a new region reprices every line (dropping those without a price there)
   * and clears shipping methods, gift cards, payment sessions and discounts not valid there; addresses are set (the
   * shipping country must be in the region); discounts and gift cards become exactly those given.
   */
  update(unit: Unit, command: UpdateCartCommand): Promise<CartReply> {
    return this.store.change(unit, command.cart_id, async (cart) => {
      const regionId = command.region_id ?? cart.region_id;
      const region = await this.regions.get(regionId);
      const move = regionId !== cart.region_id ? await this.moveToRegion(cart, region) : null;
      return async (manager) => {
        if (move) await move(manager);
        await this.updateFields(manager, cart, region, command);
      };
    });
  }

  /** The writes of a cart update once the region is settled: email, channel, context, addresses, codes. */
  private async updateFields(
    manager: EntityManager,
    cart: StoredCart,
    region: Region,
    command: UpdateCartCommand,
  ): Promise<void> {
    if (command.email !== undefined)
      await manager.query('UPDATE cart.cart SET email = $2 WHERE id = $1', [cart.id, command.email]);
    if (command.sales_channel_id !== undefined) {
      await manager.query('UPDATE cart.cart SET sales_channel_id = $2 WHERE id = $1', [
        cart.id,
        command.sales_channel_id,
      ]);
    }
    if (command.context) {
      await manager.query('UPDATE cart.cart SET context = context || $2::jsonb WHERE id = $1', [
        cart.id,
        command.context,
      ]);
    }
    if (command.billing_address !== undefined)
      await this.setAddress(manager, cart, 'billing_address_id', command.billing_address);
    const shipping =
      command.shipping_address ?? (command.country_code ? { country_code: command.country_code } : undefined);
    if (shipping !== undefined) {
      const address = await this.setAddress(manager, cart, 'shipping_address_id', shipping);
      if (address.country_code)
        assertCountryIn(region, address.country_code, 'Shipping country must be in the cart region');
    }
    const current = { ...cart, region_id: region.id };
    if (command.discounts)
      await this.discounts.replace(
        manager,
        current,
        command.discounts.map((item) => item.code),
      );
    if (command.gift_cards)
      await this.giftCards.replace(
        manager,
        current,
        command.gift_cards.map((item) => item.code),
      );
  }

  /**
   * Moving to a new region: every line priced there (by the catalog, now) and every open payment
   * session voided; the writes then drop shipping methods, gift cards, sessions and the discounts not
   * valid there, and fix the shipping country.
   */
  private async moveToRegion(cart: StoredCart, region: Region): Promise<CartWrite> {
    const reprice = await this.lines.repriceAll(cart, region.id);
    const dropSessions = await this.sessions.removeAll(cart);
    return async (manager) => {
      await reprice(manager);
      await this.lines.removeShippingMethods(manager, cart.id);
      await this.giftCards.removeAll(manager, cart.id);
      await dropSessions(manager);
      await this.discounts.keepRegion(manager, cart.id, region.id);
      await manager.query('UPDATE cart.cart SET region_id = $2 WHERE id = $1', [cart.id, region.id]);
      const country = cart.shipping_address?.country_code;
      const stays = country && region.countries.some((candidate) => candidate.iso_2 === country);
      const only = region.countries.length === 1 ? region.countries[0].iso_2 : null;
      if (cart.shipping_address && !stays) {
        await manager.query('UPDATE cart.address SET country_code = $2 WHERE id = $1', [
          cart.shipping_address.id,
          only,
        ]);
      } else if (!cart.shipping_address && only) {
        await this.setAddress(manager, cart, 'shipping_address_id', { country_code: only });
      }
    };
  }

  /** Sets an address from fields (updating the cart's own address, or creating it) or an address id. */
  private async setAddress(
    manager: EntityManager,
    cart: StoredCart,
    column: 'billing_address_id' | 'shipping_address_id',
    given: AddressPayload | string,
  ): Promise<Record<string, unknown> & { country_code: string | null }> {
    let addressId: string;
    if (typeof given === 'string') {
      const [found] = await manager.query(
        'SELECT id FROM cart.address WHERE id = $1 AND deleted_at IS NULL',
        [given],
      );
      if (!found) throw DomainError.notFound(`Address with id ${given} was not found`);
      addressId = given;
    } else {
      const current = column === 'billing_address_id' ? cart.billing_address : cart.shipping_address;
      addressId = current
        ? await this.updateAddress(manager, current.id as string, given)
        : await this.insertAddress(manager, given);
    }
    await manager.query(`UPDATE cart.cart SET ${column} = $2 WHERE id = $1`, [cart.id, addressId]);
    const [address] = await manager.query('SELECT * FROM cart.address WHERE id = $1', [addressId]);
    return address;
  }

  private async insertAddress(manager: EntityManager, fields: AddressPayload): Promise<string> {
    const id = newId('addr');
    const columns = ADDRESS_FIELDS.filter((column) => fields[column as keyof AddressPayload] !== undefined);
    await manager.query(
      `INSERT INTO cart.address (id${columns.map((column) => `, ${column}`).join('')})
       VALUES ($1${columns.map((_, index) => `, $${index + 2}`).join('')})`,
      [id, ...columns.map((column) => fields[column as keyof AddressPayload])],
    );
    return id;
  }

  private async updateAddress(manager: EntityManager, id: string, fields: AddressPayload): Promise<string> {
    const columns = ADDRESS_FIELDS.filter((column) => fields[column as keyof AddressPayload] !== undefined);
    if (columns.length) {
      await manager.query(
        `UPDATE cart.address SET ${columns.map((column, index) => `${column} = $${index + 2}`).join(', ')}, updated_at = now() WHERE id = $1`,
        [id, ...columns.map((column) => fields[column as keyof AddressPayload])],
      );
    }
    return id;
  }
}

function assertCountryIn(
  region: Region,
  countryCode: string,
  message = 'Country not available in region',
): void {
  if (!region.countries.some((country) => country.iso_2 === countryCode))
    throw DomainError.notAllowed(message);
}

/** Lines of the same variant in one request become one line. */
function mergeQuantities(items: { variant_id: string; quantity: number }[]) {
  const merged = new Map<string, number>();
  for (const item of items) merged.set(item.variant_id, (merged.get(item.variant_id) ?? 0) + item.quantity);
  return [...merged].map(([variant_id, quantity]) => ({ variant_id, quantity }));
}
