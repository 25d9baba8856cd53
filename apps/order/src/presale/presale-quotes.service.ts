import { Inject, Injectable } from '@nestjs/common';
import {
  CatalogCommands,
  CustomerCommands,
  DemoCustomerLevels,
  PointsCommands,
  PresaleAddress,
  PresaleDeliveryWay,
  PresaleQuote,
  PresaleQuoteCommand,
} from '@app/contracts';
import { CommandClient, DomainError, percentOf, toMinorUnits } from '@app/platform';
import { ORDER_CONFIG, OrderConfig } from '../config/order-config';
import { pointValue } from '../payments/order-dues';

type Json = Record<string, unknown>;

/**
 * What a presale purchase costs (seed 004's settle and compute), read from the apps that own each
 * part: the offer, product and the customer's price from the catalog, the delivery ways from the
 * region's shipping options, the default address from the customer's book, the points from the
 * ledger. The deposit is due now; the balance, due in the offer's window, settles the shipping and
 * the points: deposit + balance = goods + shipping − points. Nothing is written.
 */
@Injectable()
export class PresaleQuotes {
  constructor(
    private readonly commands: CommandClient,
    @Inject(ORDER_CONFIG) private readonly config: OrderConfig,
  ) {}

  async quote(command: PresaleQuoteCommand, now = new Date()): Promise<PresaleQuote> {
    if (command.uid !== undefined && command.uid !== command.customer_id) {
      throw DomainError.notAllowed('uid must be the signed-in customer', 'uid_mismatch');
    }
    const offer = await this.commands.request(CatalogCommands.presaleOffer, {
      product_sku: command.product_sku,
    });
    if (Date.parse(offer.balance_opens_at) <= now.getTime()) {
      throw DomainError.notAllowed('The presale of this product has ended', 'presale_ended');
    }
    if (command.buy_number > offer.buy_limit) {
      throw DomainError.invalidData(`At most ${offer.buy_limit} per customer`, 'over_buy_limit');
    }
    if (command.buy_number > offer.stock) {
      throw DomainError.notAllowed(`Only ${offer.stock} left in presale`, 'insufficient_inventory');
    }
    const [{ product }, profile, customer, points, regions] = await Promise.all([
      this.commands.request(CatalogCommands.getProduct, { id: offer.product_id }),
      this.commands.request(CustomerCommands.profile, { customer_id: command.customer_id }),
      this.commands.request(CustomerCommands.get, { customer_id: command.customer_id }),
      this.commands.request(PointsCommands.get, { customer_id: command.customer_id, limit: 1 }),
      this.commands.request(CatalogCommands.listRegions, {}),
    ]);
    const region = regions.regions.find((candidate) => candidate.currency_code === offer.currency_code);
    if (!region) throw DomainError.notAllowed(`No region sells in ${offer.currency_code.toUpperCase()}`);
    const [priced, options] = await Promise.all([
      this.commands.request(CatalogCommands.priceVariants, {
        items: [{ variant_id: offer.variant_id, quantity: command.buy_number }],
        region_id: region.id,
        ...(profile.group_ids.length ? { customer_group_ids: profile.group_ids } : {}),
      }),
      this.commands.request(CatalogCommands.listShippingOptions, {
        region_id: region.id,
        is_return: 'false',
      }),
    ]);
    const unitPrice = priced.items[0].pricing.calculated_price ?? offer.price;
    const goods = unitPrice * command.buy_number;
    const deposit = offer.deposit_amount * command.buy_number;
    const ways = deliveryWays(
      options.shipping_options.filter(
        (option) => option.profile_id === product.profile_id && option.amount !== null,
      ),
      command.delivery_way ?? 1,
    );
    const shipping = ways.find((way) => way.selected)?.amount ?? 0;
    const pointWorth = pointValue(offer.currency_code, this.config.pointsPerYuan);
    const pointsAmount = command.use_yoho_coin ? toMinorUnits(command.use_yoho_coin, offer.currency_code) : 0;
    const pointsUsed = pointsAmount / pointWorth;
    if (pointsUsed > points.balance) {
      throw DomainError.invalidData(
        `use_yoho_coin is more than your ${points.balance} points`,
        'insufficient_points',
      );
    }
    if (deposit + pointsAmount > goods + shipping) {
      throw DomainError.invalidData('use_yoho_coin is more than the balance to pay', 'points_exceed_balance');
    }
    return {
      offer,
      product: {
        id: product.id,
        title: product.title,
        thumbnail: (product.thumbnail as string | null) ?? null,
        options: optionValues(product as unknown as Json, offer.variant_id),
      },
      buy_number: command.buy_number,
      price: offer.price,
      unit_price: unitPrice,
      level_prices: DemoCustomerLevels.map((level) => ({
        level: level.level,
        price: percentOf(offer.price, level.percent),
      })),
      goods_amount: goods,
      deposit_amount: deposit,
      delivery_ways: ways,
      shipping_amount: shipping,
      points: pointsUsed,
      points_amount: pointsAmount,
      balance_amount: goods + shipping - pointsAmount - deposit,
      total: goods + shipping - pointsAmount,
      address: defaultAddress(customer.customer as unknown as Json),
      points_balance: points.balance,
      payment_providers: region.payment_providers
        .map((provider) => provider.id)
        .filter((id) => id !== 'manual'),
      currency_code: offer.currency_code,
      region_id: region.id,
    };
  }
}

/** The region's ways to deliver, cheapest first: 1 普通 (standard), 2 the express one. */
function deliveryWays(
  options: { id: string; name: string; amount: number | null }[],
  chosen: number,
): PresaleDeliveryWay[] {
  const sorted = [...options].sort((a, b) => (a.amount ?? 0) - (b.amount ?? 0)).slice(0, 2);
  if (!sorted.length) throw DomainError.notAllowed('The region has no way to deliver this product');
  if (chosen > sorted.length) throw DomainError.invalidData(`delivery_way ${chosen} is not offered here`);
  return sorted.map((option, index) => ({
    id: (index + 1) as 1 | 2,
    option_id: option.id,
    name: option.name,
    amount: option.amount ?? 0,
    selected: index + 1 === chosen,
  }));
}

/** The variant's option values by option title. */
function optionValues(product: Json, variantId: string): Record<string, string> {
  const titles = new Map(
    ((product.options as Json[]) ?? []).map((option) => [option.id, String(option.title)]),
  );
  const variant = ((product.variants as Json[]) ?? []).find((candidate) => candidate.id === variantId);
  return Object.fromEntries(
    ((variant?.options as Json[]) ?? []).map((value) => [
      titles.get(value.option_id) ?? '',
      String(value.value),
    ]),
  );
}

/** The address marked default (`metadata.is_default`), else the newest of the customer's book. */
function defaultAddress(customer: Json): PresaleAddress | null {
  const book = ((customer.shipping_addresses as Json[]) ?? []).slice();
  if (!book.length) return null;
  const marked = book.find((address) => (address.metadata as Json | null)?.is_default === true);
  const chosen = marked ?? book.sort((a, b) => String(b.created_at).localeCompare(String(a.created_at)))[0];
  return {
    id: String(chosen.id),
    consignee: [chosen.last_name, chosen.first_name].filter(Boolean).join(''),
    address: [chosen.address_1, chosen.address_2].filter(Boolean).join(' '),
    area: [chosen.province, chosen.city].filter(Boolean).join(' '),
    area_code: String(chosen.postal_code ?? ''),
    phone: String(chosen.phone ?? ''),
  };
}
