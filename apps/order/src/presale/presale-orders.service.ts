import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  CatalogCommands,
  CustomerCommands,
  maskPhone,
  OrderEvents,
  PresaleQuote,
  PresaleSubmitCommand,
  PresaleSubmitReply,
  PresaleTerms,
} from '@app/contracts';
import { CommandClient, DomainError, newId, Outbox } from '@app/platform';
import { DataSource } from 'typeorm';
import { ORDER_CONFIG, OrderConfig } from '../config/order-config';
import { PresaleQuotes } from './presale-quotes.service';

type Json = Record<string, unknown>;

/**
 * Places presale orders (seed 004's submit): the purchase quoted again, the address the customer's
 * own, the presale units taken at the catalog (keyed by the order's cart id, so a cancellation gives
 * them back), then — under a lock per customer and variant, so parallel submits cannot pass the buy
 * limit together — the order, `not_paid`, its deposit due within `PRESALE_DEPOSIT_WINDOW_MINUTES`.
 * A refused order gives its units back. The deposit and the balance are paid through pay-now.
 */
@Injectable()
export class PresaleOrders {
  private readonly logger = new Logger(PresaleOrders.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly commands: CommandClient,
    private readonly quotes: PresaleQuotes,
    private readonly outbox: Outbox,
    @Inject(ORDER_CONFIG) private readonly config: OrderConfig,
  ) {}

  async submit(command: PresaleSubmitCommand): Promise<PresaleSubmitReply> {
    const quote = await this.quotes.quote(command);
    const [{ address }, profile, { region }] = await Promise.all([
      this.commands
        .request(CustomerCommands.getAddress, {
          customer_id: command.customer_id,
          address_id: command.address_id,
        })
        .catch((error: unknown) => {
          if (error instanceof DomainError && error.type === 'not_found') {
            throw DomainError.invalidData(`address_id ${command.address_id} is not one of your addresses`);
          }
          throw error;
        }),
      this.commands.request(CustomerCommands.profile, { customer_id: command.customer_id }),
      this.commands.request(CatalogCommands.getRegion, { id: quote.region_id }),
    ]);
    const phone = reminderPhone(command.tail_pay_notice_phone, String(address.phone ?? ''));
    const cartId = newId('cart');
    await this.commands.request(CatalogCommands.reservePresale, {
      reservation_key: cartId,
      variant_id: quote.offer.variant_id,
      quantity: quote.buy_number,
    });
    try {
      return await this.place(command, quote, {
        cartId,
        email: profile.email,
        region: region as unknown as Json & { currency_code: string },
        address: { ...address },
        phone,
      });
    } catch (error) {
      await this.commands
        .request(CatalogCommands.releasePresale, { reservation_key: cartId })
        .catch((failure: Error) => this.logger.warn(`Could not give back ${cartId}: ${failure.message}`));
      throw error;
    }
  }

  private async place(
    command: PresaleSubmitCommand,
    quote: PresaleQuote,
    context: {
      cartId: string;
      email: string;
      region: Json & { currency_code: string };
      address: Json;
      phone: string;
    },
  ): Promise<PresaleSubmitReply> {
    const orderId = newId('order');
    const depositPaid = quote.deposit_amount === 0;
    const terms: PresaleTerms = {
      variant_id: quote.offer.variant_id,
      quantity: quote.buy_number,
      deposit_amount: quote.deposit_amount,
      balance_amount: quote.goods_amount + quote.shipping_amount - quote.deposit_amount,
      balance_opens_at: quote.offer.balance_opens_at,
      balance_closes_at: quote.offer.balance_closes_at,
      deposit_refundable: quote.offer.deposit_refundable,
      deposit_paid_at: depositPaid ? new Date().toISOString() : null,
      reminded_at: null,
      tail_pay_notice_phone: context.phone,
      delivery_time: command.delivery_time ?? 2,
      delivery_way: command.delivery_way ?? 1,
      invoices_title: command.invoices_title ?? '',
      invoices_type_id: command.invoices_type_id ?? 0,
      remark: command.remark ?? '',
      points: quote.points,
      packages: [{ supplier_id: '0', quantity: quote.buy_number, shipping_amount: quote.shipping_amount }],
    };
    const cart = snapshot(quote, context, orderId);
    return this.dataSource.transaction(async (manager) => {
      await manager.query("SELECT pg_advisory_xact_lock(hashtext('order.presale:' || $1 || ':' || $2))", [
        command.customer_id,
        quote.offer.variant_id,
      ]);
      const [{ bought }] = await manager.query(
        `SELECT coalesce(sum((presale->>'quantity')::int), 0)::int AS bought FROM "order"."order"
         WHERE customer_id = $1 AND presale->>'variant_id' = $2 AND status <> 'canceled'`,
        [command.customer_id, quote.offer.variant_id],
      );
      if (bought + quote.buy_number > quote.offer.buy_limit) {
        throw DomainError.invalidData(
          `At most ${quote.offer.buy_limit} per customer: you have ${bought} already`,
          'over_buy_limit',
        );
      }
      const [order] = await manager.query(
        `INSERT INTO "order"."order" (id, cart_id, email, customer_id, guest, region_id, currency_code, cart,
           payment_status, pay_expire, presale)
         VALUES ($1, $2, $3, $4, false, $5, $6, $7, 'not_paid',
           CASE WHEN $9 THEN $10::timestamptz ELSE now() + make_interval(mins => $8) END, $11)
         RETURNING id, display_id, created_at, pay_expire`,
        [
          orderId,
          context.cartId,
          context.email,
          command.customer_id,
          quote.region_id,
          quote.currency_code,
          cart,
          this.config.presaleDepositWindowMinutes,
          depositPaid,
          quote.offer.balance_closes_at,
          terms,
        ],
      );
      await this.outbox.record(
        manager,
        OrderEvents.placed,
        { id: orderId },
        {
          order_id: orderId,
          display_id: order.display_id,
          cart_id: context.cartId,
          email: context.email,
          total: cart.total,
          currency_code: quote.currency_code,
          customer_id: command.customer_id,
        },
      );
      return {
        order_id: orderId,
        display_id: order.display_id,
        created_at: new Date(order.created_at).toISOString(),
        total: cart.total,
        deposit_amount: quote.deposit_amount,
        pay_expire: new Date(order.pay_expire).toISOString(),
        deposit_paid: depositPaid,
        currency_code: quote.currency_code,
      };
    });
  }
}

/**
 * The reminder's phone: a full number as given, or — the masked number settle showed (`139****4768`)
 * — the address's own, when the mask fits it; none given: the address's.
 */
function reminderPhone(given: string | undefined, addressPhone: string): string {
  const phone = addressPhone.replace(/\s+/g, '');
  if (!given) {
    if (!phone) throw DomainError.invalidData('tail_pay_notice_phone is required: the address has no phone');
    return phone;
  }
  if (!given.includes('*')) return given.replace(/\s+/g, '');
  if (phone.length < 7 || given !== maskPhone(phone))
    throw DomainError.invalidData('tail_pay_notice_phone does not match the address');
  return phone;
}

/** The order's frozen cart: one presale line, the chosen delivery, the address, its totals (no taxes). */
function snapshot(
  quote: PresaleQuote,
  context: { cartId: string; email: string; region: Json & { currency_code: string }; address: Json },
  orderId: string,
) {
  const way = quote.delivery_ways.find((candidate) => candidate.selected) ?? quote.delivery_ways[0];
  const address = { ...context.address, id: String(context.address.id) };
  return {
    id: context.cartId,
    email: context.email,
    customer_id: null,
    region_id: quote.region_id,
    region: context.region,
    sales_channel_id: null,
    items: [
      {
        id: newId('item'),
        cart_id: context.cartId,
        order_id: orderId,
        title: quote.product.title,
        description: Object.values(quote.product.options).join(' / '),
        thumbnail: quote.product.thumbnail,
        is_giftcard: false,
        is_return: false,
        should_merge: false,
        allow_discounts: false,
        has_shipping: true,
        unit_price: quote.unit_price,
        variant_id: quote.offer.variant_id,
        quantity: quote.buy_number,
        subtotal: quote.goods_amount,
        discount_total: 0,
        tax_total: 0,
        total: quote.goods_amount,
        original_total: quote.goods_amount,
        tax_lines: [],
        adjustments: [],
        metadata: { presale: true },
      },
    ],
    shipping_methods: [
      {
        id: newId('sm'),
        shipping_option_id: way.option_id,
        name: way.name,
        price: way.amount,
        subtotal: way.amount,
        total: way.amount,
        tax_total: 0,
        tax_lines: [],
        data: {},
      },
    ],
    discounts: [],
    gift_cards: [],
    billing_address: address,
    shipping_address: address,
    subtotal: quote.goods_amount,
    discount_total: 0,
    item_tax_total: 0,
    shipping_total: quote.shipping_amount,
    shipping_tax_total: 0,
    tax_total: 0,
    gift_card_total: 0,
    gift_card_tax_total: 0,
    total: quote.goods_amount + quote.shipping_amount,
  };
}
