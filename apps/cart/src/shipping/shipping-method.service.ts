import { Injectable } from '@nestjs/common';
import {
  AddShippingMethodCommand,
  CartRef,
  CartReply,
  CatalogCommands,
  ShippingOptionList,
} from '@app/contracts';
import { CommandClient, IdempotentUnit, newId } from '@app/platform';
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
        subtotal: shown.subtotal as number,
        item_tax_total: shown.item_tax_total as number,
      });
      const { price_incl_tax: _incl, tax_amount: _tax, tax_rates: _rates, ...option } = shipping_option;
      return async (manager) => {
        await manager.query('DELETE FROM cart.shipping_method WHERE cart_id = $1 AND profile_id = $2', [
          cart.id,
          option.profile_id,
        ]);
        await manager.query(
          `INSERT INTO cart.shipping_method (id, cart_id, shipping_option_id, profile_id, price, data, includes_tax, shipping_option)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
          [
            newId('sm'),
            cart.id,
            option.id,
            option.profile_id,
            price,
            command.data ?? {},
            TAX_INCLUSIVE_PRICING && option.includes_tax,
            option,
          ],
        );
      };
    });
  }

  /** `GET /store/shipping-options/{cart_id}`: the options the cart may use now. */
  async options(command: CartRef): Promise<ShippingOptionList> {
    const cart = await this.store.load(command.cart_id);
    const shown = await this.store.present(cart);
    return this.commands.request(CatalogCommands.listCartShippingOptions, {
      region_id: cart.region_id,
      profile_ids: [...new Set(cart.items.map((item) => item.profile_id))],
      subtotal: shown.subtotal as number,
      item_tax_total: shown.item_tax_total as number,
    });
  }
}
