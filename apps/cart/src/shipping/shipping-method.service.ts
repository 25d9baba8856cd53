import { Injectable } from '@nestjs/common';
import {
  AddShippingMethodCommand,
  CartRef,
  CartReply,
  CatalogCommands,
  ShippingOptionList,
} from '@app/contracts';
import { CommandClient, IdempotentUnit, newId } from '@app/platform';
import { cartEdit } from '../carts/cart-statement';
import { CartStore, TAX_INCLUSIVE_PRICING } from '../carts/cart-store.service';

/**
 * Shipping methods: an option the catalog confirms for the cart (its region, requirements met by
 * the cart's subtotal) at the catalog's price; one method per shipping profile.
 */
@Injectable()
export class ShippingMethodService {
  constructor(
    private readonly store: CartStore,
    private readonly commands: CommandClient,
  ) {}

  add(unit: IdempotentUnit<CartReply>, command: AddShippingMethodCommand): Promise<CartReply> {
    return this.store.change(unit, command.cart_id, async (cart) => {
      const shown = await this.store.present(cart);
      const { shipping_option, price } = await this.commands.request(CatalogCommands.quoteShippingOption, {
        option_id: command.option_id,
        region_id: cart.region_id,
        ...shippedTotals(shown),
      });
      const { price_incl_tax: _incl, tax_amount: _tax, tax_rates: _rates, ...option } = shipping_option;
      return cartEdit((statement) => {
        statement.part(
          `DELETE FROM cart.shipping_method
           WHERE cart_id = ${statement.cartId} AND profile_id = ${statement.param(option.profile_id)} AND ${statement.written}`,
        );
        statement.insert('cart.shipping_method', {
          id: newId('sm'),
          shipping_option_id: option.id,
          profile_id: option.profile_id,
          price,
          data: command.data ?? {},
          includes_tax: TAX_INCLUSIVE_PRICING && option.includes_tax,
          shipping_option: option,
        });
      });
    });
  }

  /** `GET /store/shipping-options/{cart_id}`: the options the cart may use now. */
  async options(command: CartRef): Promise<ShippingOptionList> {
    const cart = await this.store.load(command.cart_id);
    const shown = await this.store.present(cart);
    return this.commands.request(CatalogCommands.listCartShippingOptions, {
      region_id: cart.region_id,
      profile_ids: [...new Set(cart.items.filter((item) => !item.is_return).map((item) => item.profile_id))],
      ...shippedTotals(shown),
    });
  }
}

/**
 * The subtotal and item tax that shipping requirements are checked against: those of the lines to
 * ship (a swap's returned lines, at negative prices, are not shipped).
 */
function shippedTotals(shown: Record<string, unknown>): { subtotal: number; item_tax_total: number } {
  const shipped = (shown.items as { is_return: boolean; subtotal: number; tax_total: number }[]).filter(
    (item) => !item.is_return,
  );
  return {
    subtotal: shipped.reduce((sum, item) => sum + item.subtotal, 0),
    item_tax_total: shipped.reduce((sum, item) => sum + item.tax_total, 0),
  };
}
