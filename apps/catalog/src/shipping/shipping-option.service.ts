import { Injectable } from '@nestjs/common';
import {
  ListCartShippingOptionsRequest,
  ListShippingOptionsQuery,
  PricedShippingOption,
  QuoteShippingOptionRequest,
  ShippingOptionList,
  ShippingOptionQuote,
} from '@app/contracts';
import { DomainError, percentOf, PreparedStatements } from '@app/platform';
import {
  cartShippingOptionsQuery,
  shippingOptionByIdQuery,
  shippingOptionListQuery,
} from './shipping-option.sql';

type OptionRow = {
  option: Omit<PricedShippingOption, 'price_incl_tax' | 'tax_amount' | 'tax_rates'>;
  automatic_taxes: boolean;
  tax_rate: number;
};

/**
 * Shipping options as Medusa's store shows them, priced with their region's taxes
 * (`PricingService.getShippingOptionPricing`), and checked for a cart (`validateCartOption`).
 */
@Injectable()
export class ShippingOptionService {
  constructor(private readonly db: PreparedStatements) {}

  async list(query: ListShippingOptionsQuery): Promise<ShippingOptionList> {
    const rows = await this.db.rows<OptionRow>(shippingOptionListQuery(query));
    return { shipping_options: rows.map(priced) };
  }

  /**
   * What a cart may ship with now: store options of its region and its items' shipping profiles
   * whose requirements its subtotal meets (Medusa's `listCartOptions`).
   */
  async listForCart(request: ListCartShippingOptionsRequest): Promise<ShippingOptionList> {
    if (!request.profile_ids.length) return { shipping_options: [] };
    const rows = await this.db.rows<OptionRow>(
      cartShippingOptionsQuery(request.region_id, request.profile_ids),
    );
    return { shipping_options: rows.map(priced).filter((option) => meetsRequirements(option, request)) };
  }

  /**
   * The option for a cart: it must be a store option of the cart's region whose requirements the
   * cart's subtotal meets (tax included for options priced with tax). Flat rate only.
   */
  async quote(request: QuoteShippingOptionRequest): Promise<ShippingOptionQuote> {
    const [row] = await this.db.rows<OptionRow>(shippingOptionByIdQuery(request.option_id));
    if (!row || row.option.admin_only || row.option.is_return) {
      throw DomainError.notFound(`Shipping Option with ${request.option_id} was not found`);
    }
    const option = priced(row);
    if (option.region_id !== request.region_id) {
      throw DomainError.invalidData("The shipping option is not available in the cart's region");
    }
    if (!meetsRequirements(option, request))
      throw DomainError.notAllowed("The Cart does not satisfy the shipping option's requirements");
    if (option.price_type !== 'flat_rate' || option.amount === null) {
      throw DomainError.invalidData('Only flat-rate shipping options can be priced');
    }
    return { shipping_option: option, price: option.amount };
  }
}

/** Medusa's `validateCartOption` requirements: min_subtotal ≤ amount < max_subtotal. */
function meetsRequirements(
  option: PricedShippingOption,
  cart: { subtotal: number; item_tax_total?: number },
): boolean {
  const amount = option.includes_tax ? cart.subtotal + (cart.item_tax_total ?? 0) : cart.subtotal;
  return option.requirements.every((requirement) =>
    requirement.type === 'max_subtotal' ? requirement.amount > amount : requirement.amount <= amount,
  );
}

function priced({ option, automatic_taxes, tax_rate }: OptionRow): PricedShippingOption {
  const tax_rates = automatic_taxes ? [{ rate: tax_rate, name: 'default', code: 'default' }] : [];
  const price = option.amount ?? 0;
  const tax_amount = tax_rates.length ? percentOf(price, tax_rate) : 0;
  return { ...option, price_incl_tax: price + tax_amount, tax_rates, tax_amount };
}
