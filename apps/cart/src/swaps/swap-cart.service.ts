import { Injectable } from '@nestjs/common';
import {
  ADDRESS_PAYLOAD_KEYS,
  CartReply,
  CatalogCommands,
  CreateSwapCartCommand,
  SalesChannel,
} from '@app/contracts';
import { CommandClient, DomainError, newId, PreparedStatements } from '@app/platform';
import { CartStatement } from '../carts/cart-statement';
import { CartStore } from '../carts/cart-store.service';
import { addLines } from '../line-items/line-item.service';
import { LinePricing } from '../line-items/line-pricing.service';
import { RegionDirectory } from '../regions/region-directory.service';
import { mergeQuantities } from '../carts/cart.service';

/** An order's line as the order shows it (the frozen cart's line). */
interface OrderLine {
  id: string;
  title: string;
  description: string | null;
  thumbnail: string | null;
  is_giftcard: boolean;
  unit_price: number;
  variant_id: string;
  /** The units returned. */
  quantity: number;
  /** The units ordered, and what they cost together (taxes and discounts included). */
  ordered_quantity: number;
  total: number;
  includes_tax: boolean;
  variant: {
    product_id: string;
    product?: { profile_id?: string; type_id?: string | null; collection_id?: string | null };
  };
}

/**
 * Swap carts (Medusa's `swapService.createCart`): a cart of type `swap` in the order's region, for
 * the order's email and shipping address, holding the new items priced by the catalog and the
 * returned ones as lines of negative unit price — what the customer paid per unit, taxes and
 * discounts included, as a plain return refunds it (`is_return`: never merged, repriced, taxed or
 * discounted) — so that its total is the difference the swap pays, or refunds below zero. Its
 * `metadata` names the swap and the order; a swap has one cart, so asking again answers it. It is
 * in the order's sales channel: new items not sold there are refused, as on any cart.
 */
@Injectable()
export class SwapCarts {
  constructor(
    private readonly store: CartStore,
    private readonly regions: RegionDirectory,
    private readonly pricing: LinePricing,
    private readonly statements: PreparedStatements,
    private readonly commands: CommandClient,
  ) {}

  async create(command: CreateSwapCartCommand): Promise<CartReply> {
    const existing = await this.existing(command.swap_id);
    if (existing) return this.store.reply(existing);
    const region = await this.regions.get(command.region_id);
    const channelId = command.sales_channel_id ?? null;
    const channel = channelId ? await this.channel(channelId) : null;
    const lines = (await this.pricing.price(region.id, mergeQuantities(command.items), null)).map((item) =>
      this.pricing.line(item, channelId),
    );
    const id = newId('cart');
    const statement = new CartStatement(id);
    const address = command.shipping_address ?? null;
    const addressId = address ? newId('addr') : null;
    if (address && addressId) {
      const fields = Object.fromEntries(ADDRESS_PAYLOAD_KEYS.map((key) => [key, address[key] ?? null]));
      statement.insert('cart.address', { id: addressId, ...fields }, null);
    }
    addLines(statement, lines);
    for (const returned of command.return_lines as unknown as OrderLine[]) {
      statement.insert('cart.line_item', {
        id: newId('item'),
        title: returned.title,
        description: returned.description,
        thumbnail: returned.thumbnail,
        is_return: true,
        is_giftcard: returned.is_giftcard,
        should_merge: false,
        allow_discounts: false,
        unit_price: -Math.round(returned.total / returned.ordered_quantity),
        variant_id: returned.variant_id,
        quantity: returned.quantity,
        includes_tax: returned.includes_tax,
        variant: returned.variant,
        product_id: returned.variant.product_id,
        profile_id: returned.variant.product?.profile_id,
        product_type_id: returned.variant.product?.type_id ?? null,
        product_collection_id: returned.variant.product?.collection_id ?? null,
        metadata: { original_item_id: returned.id },
      });
    }
    const creation = statement.creating({
      type: 'swap',
      customer_id: null,
      email: command.email,
      region_id: region.id,
      sales_channel_id: channelId,
      sales_channel: channel,
      shipping_address_id: addressId,
      context: {},
      metadata: { swap_id: command.swap_id, parent_order_id: command.order_id },
    });
    try {
      await this.statements.rows(creation);
    } catch (error) {
      // Made at the same time by another request for this swap: that one is the cart.
      const made = (error as { code?: string }).code === '23505' && (await this.existing(command.swap_id));
      if (made) return this.store.reply(made);
      throw error;
    }
    return this.store.reply(id);
  }

  /**
   * The order's channel as the catalog now shows it, disabled or not (the order was placed there);
   * none once deleted — then no product belongs to it, and every new item is refused.
   */
  private async channel(id: string): Promise<SalesChannel | null> {
    try {
      return (await this.commands.request(CatalogCommands.getSalesChannel, { id })).sales_channel;
    } catch (error) {
      if (error instanceof DomainError && error.type === 'not_found') return null;
      throw error;
    }
  }

  private async existing(swapId: string): Promise<string | null> {
    const [row] = await this.statements.rows<{ id: string }>({
      name: 'cart.swap-cart.by-swap',
      text: `SELECT id FROM cart.cart WHERE type = 'swap' AND metadata->>'swap_id' = $1`,
      values: [swapId],
    });
    return row?.id ?? null;
  }
}
