import { Injectable } from '@nestjs/common';
import {
  ListShippingOptionsQuery,
  PricedShippingOption,
  QuoteShippingOptionRequest,
  ShippingOptionList,
  ShippingOptionQuote,
} from '@app/contracts';
import { DomainError, percentOf } from '@app/platform';
import { CatalogDb } from '../sql/catalog-db.service';
import { shippingOptionByIdQuery, shippingOptionListQuery } from './shipping-option.sql';

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
  constructor(private readonly db: CatalogDb) {}

  async list(query: ListShippingOptionsQuery): Promise<ShippingOptionList> {
    const rows = await this.db.rows<OptionRow>(shippingOptionListQuery(query));
    return { shipping_options: rows.map(priced) };
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
    const amount = option.includes_tax ? request.subtotal + (request.item_tax_total ?? 0) : request.subtotal;
    const met = option.requirements.every((requirement) =>
      requirement.type === 'max_subtotal' ? requirement.amount > amount : requirement.amount <= amount,
    );
    if (!met) throw DomainError.notAllowed("The Cart does not satisfy the shipping option's requirements");
    if (option.price_type !== 'flat_rate' || option.amount === null) {
      throw DomainError.invalidData('Only flat-rate shipping options can be priced');
    }
    return { shipping_option: option, price: option.amount };
  }
}

function priced({ option, automatic_taxes, tax_rate }: OptionRow): PricedShippingOption {
  const tax_rates = automatic_taxes ? [{ rate: tax_rate, name: 'default', code: 'default' }] : [];
  const price = option.amount ?? 0;
  const tax_amount = tax_rates.length ? percentOf(price, tax_rate) : 0;
  return { ...option, price_incl_tax: price + tax_amount, tax_rates, tax_amount };
}
