import { Injectable } from '@nestjs/common';
import {
  ADDRESS_PAYLOAD_KEYS,
  AddressPayload,
  CartPricingContext,
  CartRef,
  CartReply,
  CreateCartCommand,
  Region,
  UpdateCartCommand,
} from '@app/contracts';
import { currentRequestContext, DomainError, IdempotentUnit, newId, PreparedStatements } from '@app/platform';
import { DiscountService } from '../discounts/discount.service';
import { GiftCardService } from '../gift-cards/gift-card.service';
import { LineItemService } from '../line-items/line-item.service';
import { LinePricing } from '../line-items/line-pricing.service';
import { PaymentSessionFollower } from '../payment-sessions/payment-session-follower.service';
import { RegionDirectory } from '../regions/region-directory.service';
import { addLines, removeShippingMethods } from '../line-items/line-item.service';
import { CartCustomers } from './cart-customers.service';
import { CartSalesChannels } from './cart-sales-channels.service';
import { actingCustomer } from './cart-owner';
import { CartStatement, cartEdit, CartWrite, inOrder } from './cart-statement';
import { CartStore } from './cart-store.service';
import { StoredCart } from './stored-cart';

type Unit = IdempotentUnit<CartReply>;

const ADDRESS_FIELDS = ADDRESS_PAYLOAD_KEYS;

/** Creating, reading and updating carts, as Medusa v1's cart service does. */
@Injectable()
export class CartService {
  constructor(
    private readonly statements: PreparedStatements,
    private readonly customers: CartCustomers,
    private readonly channels: CartSalesChannels,
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
    const customerId = actingCustomer(command.customer_id);
    const profile = customerId ? await this.customers.profile(customerId) : null;
    const channel = await this.channels.resolve(command.sales_channel_id);
    const lines = command.items?.length
      ? (await this.pricing.price(region.id, mergeQuantities(command.items), customerId)).map((item) =>
          this.pricing.line(item, channel.id),
        )
      : [];
    const id = newId('cart');
    const context = { ...command.request_context, ...command.context };
    const statement = new CartStatement(id);
    const shippingAddressId = country ? newId('addr') : null;
    if (shippingAddressId)
      statement.insert('cart.address', { id: shippingAddressId, country_code: country }, null);
    addLines(statement, lines);
    const creation = statement.creating({
      customer_id: customerId,
      email: profile?.email ?? null,
      region_id: region.id,
      shipping_address_id: shippingAddressId,
      context,
      sales_channel_id: channel.id,
      sales_channel: channel,
    });
    let created: StoredCart | undefined;
    const reply = await unit.commitStatement(async (manager) => {
      await this.statements.rows(creation, manager);
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
      const customerId = actingCustomer(command.customer_id);
      const regionId = command.region_id ?? cart.region_id;
      const region = await this.regions.get(regionId);
      if (regionId !== cart.region_id && cart.type === 'swap')
        throw DomainError.notAllowed('The region of a swap’s cart is the order’s');
      const move = regionId !== cart.region_id ? await this.moveToRegion(cart, region, customerId) : null;
      const bind =
        customerId && cart.customer_id !== customerId ? await this.bind(cart, customerId, !move) : null;
      const channelId = command.sales_channel_id;
      const rechannel =
        channelId !== undefined && channelId !== cart.sales_channel_id
          ? await this.moveToChannel(cart, channelId)
          : null;
      return inOrder([
        ...(move ? [move] : []),
        ...(bind ? [bind] : []),
        ...(rechannel ? [rechannel] : []),
        ...(await this.updateFields(cart, region, command, customerId ?? cart.customer_id)),
      ]);
    });
  }

  /**
   * A guest cart updated by a signed-in customer becomes theirs: their id and email, and every line
   * priced again for them (their groups' price lists apply) unless a region move reprices anyway.
   */
  private async bind(cart: StoredCart, customerId: string, reprice: boolean): Promise<CartWrite> {
    const profile = await this.customers.profile(customerId);
    const repriced = reprice ? await this.lines.repriceAll(cart, cart.region_id, customerId) : null;
    return inOrder([
      ...(repriced ? [repriced] : []),
      cartEdit((statement) => {
        statement.set('customer_id', customerId);
        statement.set('email', profile.email);
      }),
    ]);
  }

  /**
   * The writes of a cart update once the region is settled: email, context, addresses,
   * codes — parts of the change's one statement, but for an address given by id and the codes,
   * which are checked as they are written.
   */
  private async updateFields(
    cart: StoredCart,
    region: Region,
    command: UpdateCartCommand,
    customerId: string | null,
  ): Promise<CartWrite[]> {
    const writes: CartWrite[] = [
      cartEdit((statement) => {
        if (command.email !== undefined) statement.set('email', command.email);
        if (command.context)
          statement.setTo(
            'context',
            `c.context || ${statement.param(JSON.stringify(command.context))}::jsonb`,
          );
      }),
    ];
    if (command.billing_address !== undefined) {
      const billing = await this.addressOf(customerId, command.billing_address);
      writes.push(setAddress(cart, 'billing_address_id', billing));
    }
    const given =
      command.shipping_address ?? (command.country_code ? { country_code: command.country_code } : undefined);
    const shipping = given === undefined ? undefined : await this.addressOf(customerId, given);
    if (shipping !== undefined) {
      writes.push(
        setAddress(cart, 'shipping_address_id', shipping, (country) =>
          assertCountryIn(region, country, 'Shipping country must be in the cart region'),
        ),
      );
    }
    const current = { ...cart, region_id: region.id };
    const discounts = command.discounts?.map((item) => item.code);
    if (discounts) writes.push((manager) => this.discounts.replace(manager, current, discounts));
    const giftCards = command.gift_cards?.map((item) => item.code);
    if (giftCards) writes.push((manager) => this.giftCards.replace(manager, current, giftCards));
    return writes;
  }

  /**
   * An address given by id: one of the customer's address book (its fields, copied onto the cart),
   * else the id of a cart address, as Medusa takes it (checked as it is written).
   */
  private async addressOf(
    customerId: string | null,
    given: AddressPayload | string,
  ): Promise<AddressPayload | string> {
    if (typeof given !== 'string' || !customerId) return given;
    try {
      return await this.customers.address(customerId, given);
    } catch (error) {
      if (error instanceof DomainError && error.type === 'not_found') return given;
      throw error;
    }
  }

  /**
   * Medusa's `onSalesChannelChange`: the cart is sold in another (existing, enabled) channel, and
   * its lines of products not sold there (or no longer sold at all) are removed (with the shipping methods, as any change to
   * the lines does).
   */
  private async moveToChannel(cart: StoredCart, channelId: string): Promise<CartWrite> {
    if (cart.type === 'swap')
      throw DomainError.notAllowed('The sales channel of a swap’s cart is the order’s');
    const channel = await this.channels.resolve(channelId);
    const sold = cart.items.filter((item) => !item.is_return);
    const priced = sold.length
      ? await this.pricing.priceHeld(
          cart.region_id,
          sold.map((item) => ({ variant_id: item.variant_id, quantity: item.quantity })),
          cart.customer_id,
        )
      : [];
    const leaving = sold.filter((_, index) => !priced[index]?.sales_channel_ids.includes(channel.id));
    return cartEdit((statement) => {
      statement.set('sales_channel_id', channel.id);
      statement.set('sales_channel', JSON.stringify(channel));
      if (!leaving.length) return;
      statement.part(
        `DELETE FROM cart.line_item WHERE id = ANY(${statement.param(leaving.map((item) => item.id))})
           AND ${statement.written}`,
      );
      removeShippingMethods(statement);
    });
  }

  /**
   * Moving to a new region: every line priced there (by the catalog, now) and every open payment
   * session voided; the writes then drop shipping methods, gift cards, sessions and the discounts not
   * valid there, and fix the shipping country.
   */
  private async moveToRegion(
    cart: StoredCart,
    region: Region,
    customerId: string | null,
  ): Promise<CartWrite> {
    const reprice = await this.lines.repriceAll(cart, region.id, customerId ?? cart.customer_id);
    const dropSessions = await this.sessions.removeAll(cart);
    const country = cart.shipping_address?.country_code;
    const stays = country && region.countries.some((candidate) => candidate.iso_2 === country);
    const only = region.countries.length === 1 ? region.countries[0].iso_2 : null;
    return inOrder([
      reprice,
      cartEdit(removeShippingMethods),
      (manager) => this.giftCards.removeAll(manager, cart.id),
      dropSessions,
      (manager) => this.discounts.keepRegion(manager, cart.id, region.id),
      cartEdit((statement) => statement.set('region_id', region.id)),
      ...(cart.shipping_address && !stays
        ? [setAddress(cart, 'shipping_address_id', { country_code: only } as AddressPayload)]
        : !cart.shipping_address && only
          ? [setAddress(cart, 'shipping_address_id', { country_code: only })]
          : []),
    ]);
  }
}

/**
 * Sets an address of the cart: from fields (updating the cart's own address, or creating it) as
 * parts of the change's statement, or an existing address by id (checked in a transaction).
 * `check` is given the resulting country.
 */
function setAddress(
  cart: StoredCart,
  column: 'billing_address_id' | 'shipping_address_id',
  given: AddressPayload | string,
  check: (countryCode: string) => void = () => undefined,
): CartWrite {
  if (typeof given === 'string') {
    return async (manager) => {
      // Never an address of another customer's cart: the same 404 as an unknown one.
      const [found] = await manager.query(
        `SELECT a.country_code FROM cart.address a WHERE a.id = $1 AND a.deleted_at IS NULL
           AND NOT EXISTS (SELECT 1 FROM cart.cart o
                           WHERE (o.shipping_address_id = a.id OR o.billing_address_id = a.id)
                             AND o.customer_id IS NOT NULL AND o.customer_id IS DISTINCT FROM $2)`,
        [given, cart.customer_id ?? currentRequestContext()?.customerId ?? null],
      );
      if (!found) throw DomainError.notFound(`Address with id ${given} was not found`);
      if (found.country_code) check(found.country_code);
      await manager.query(`UPDATE cart.cart SET ${column} = $2 WHERE id = $1`, [cart.id, given]);
    };
  }
  const current = column === 'billing_address_id' ? cart.billing_address : cart.shipping_address;
  const fields = Object.fromEntries(
    ADDRESS_FIELDS.filter((field) => given[field as keyof AddressPayload] !== undefined).map((field) => [
      field,
      given[field as keyof AddressPayload],
    ]),
  );
  const country = (fields.country_code as string | null | undefined) ?? current?.country_code;
  if (country) check(country as string);
  return cartEdit((statement) => {
    if (!current) {
      const id = newId('addr');
      statement.insert('cart.address', { id, ...fields }, null);
      statement.set(column, id);
      return;
    }
    const columns = Object.keys(fields);
    if (!columns.length) return;
    statement.part(
      `UPDATE cart.address SET ${columns.map((field) => `${field} = ${statement.param(fields[field])}`).join(', ')},
         updated_at = now()
       WHERE id = ${statement.param(current.id)} AND ${statement.written}`,
    );
  });
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
export function mergeQuantities(items: { variant_id: string; quantity: number }[]) {
  const merged = new Map<string, number>();
  for (const item of items) merged.set(item.variant_id, (merged.get(item.variant_id) ?? 0) + item.quantity);
  return [...merged].map(([variant_id, quantity]) => ({ variant_id, quantity }));
}
