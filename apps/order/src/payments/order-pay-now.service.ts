import { Inject, Injectable } from '@nestjs/common';
import {
  ChargeCommands,
  ChargeReply,
  CustomerCommands,
  OrderEvents,
  OrderPaymentView,
  PayMethod,
  PayOrderCommand,
  PayOrderReply,
} from '@app/contracts';
import {
  CommandClient,
  currencyExponent,
  DomainError,
  fromMinorUnits,
  MoneyError,
  newId,
  Outbox,
  SqlBuilder,
  toMinorUnits,
} from '@app/platform';
import { DataSource } from 'typeorm';
import { ORDER_CONFIG, OrderConfig } from '../config/order-config';
import { StoredOrder } from '../orders/order.presenter';
import { dueNow, loadCustomerOrder, pointValue, settlement, settlementChanges } from './order-dues';
import { paymentView } from './order-payment.service';
import { sellsGiftCards } from '../orders/gift-card-sales';

/** What each of seed 002's pay methods pays with. */
const METHODS: Record<PayMethod, { provider: 'wechat' | 'alipay' | null; points: boolean }> = {
  1: { provider: 'wechat', points: false },
  2: { provider: 'alipay', points: false },
  3: { provider: null, points: true },
  4: { provider: 'wechat', points: true },
  5: { provider: 'alipay', points: true },
};

/**
 * Seed 002's 立即支付: the customer pays their unpaid order with WeChat, Alipay, points, or a wallet
 * and points. The request is checked against the order — never trusted: what is due now (the
 * order's total, less its shipping when it is paid on delivery), the points' worth, `pay_price`
 * to the fen, the address the customer's own — then the payment app opens the attempt (points held
 * or spent, the wallet's session opened) and the order records it as one of its payments, its
 * earlier open attempt superseded, the address its shipping address. Points alone pay the order at once.
 */
@Injectable()
export class OrderPayNow {
  constructor(
    private readonly dataSource: DataSource,
    private readonly commands: CommandClient,
    private readonly outbox: Outbox,
    @Inject(ORDER_CONFIG) private readonly config: OrderConfig,
  ) {}

  async pay(command: PayOrderCommand): Promise<PayOrderReply> {
    if (command.order_id !== undefined && command.order_id !== command.path_order_id) {
      throw DomainError.invalidData('order_id must be the order of the path');
    }
    const order = await loadCustomerOrder(this.dataSource, command.path_order_id, command.customer_id);
    assertPayable(order);
    const method = METHODS[command.pay_method];
    // A presale order's delivery was chosen when it was submitted: the freight fields do not apply.
    const onDelivery = order.presale ? false : freightOnDelivery(order, command);
    const due = dueNow(order, onDelivery);
    const points = command.pay_integral ?? 0;
    const promised = order.presale?.deposit_paid_at ? order.presale.points : 0;
    if (promised !== points && order.presale?.deposit_paid_at) {
      throw DomainError.invalidData(
        `The balance is paid with the ${promised} points chosen when the order was submitted: pay_integral must be ${promised}`,
        'presale_points',
      );
    }
    const pointsWorth = points * pointValue(order.currency_code, this.config.pointsPerYuan);
    checkSplit(method, points, pointsWorth, due);
    const money = due - pointsWorth;
    if (parsePrice(command.pay_price, order.currency_code) !== money) {
      throw DomainError.invalidData(
        `pay_price must be ${fromMinorUnits(money, order.currency_code)}: what is due now, less the points`,
        'pay_price_mismatch',
      );
    }
    const address = await this.shippingAddress(order, command);
    const paymentId = newId('pay');
    const charge = await this.commands.request(ChargeCommands.open, {
      charge_id: paymentId,
      order_id: order.id,
      cart_id: order.cart_id,
      customer_id: command.customer_id,
      provider_id: method.provider,
      amount: money,
      points,
      currency_code: order.currency_code,
      expires_at: this.attemptExpiry(order),
      context: {
        email: order.email,
        goods: order.cart.items.map((item) => ({
          id: String(item.id),
          name: String(item.title),
          price: Number(item.unit_price),
          quantity: Number(item.quantity),
          picture_url: (item.thumbnail as string | null) ?? null,
        })),
        shipping_address: providerAddress(address),
      },
    });
    await this.record(order, charge, address, onDelivery, pointsWorth);
    return { payment_id: paymentId, ...(charge.pay_param ? { pay_param: charge.pay_param } : {}) };
  }

  /** An attempt is payable for the payment window from now (seed 001: two days), never past the order's deadline. */
  private attemptExpiry(order: StoredOrder): string {
    const window = Date.now() + this.config.payWindowMinutes * 60_000;
    return new Date(Math.min(window, Date.parse(order.pay_expire as string))).toISOString();
  }

  /** The customer's own address, in the order's region: it becomes the order's shipping address. */
  private async shippingAddress(
    order: StoredOrder,
    command: PayOrderCommand,
  ): Promise<Record<string, unknown>> {
    const { address } = await this.commands
      .request(CustomerCommands.getAddress, {
        customer_id: command.customer_id,
        address_id: command.address_id,
      })
      .catch((error: unknown) => {
        if (error instanceof DomainError && error.type === 'not_found') {
          throw DomainError.invalidData(`address_id ${command.address_id} is not one of your addresses`);
        }
        throw error;
      });
    const countries = (order.cart.region.countries ?? []) as { iso_2: string }[];
    const country = String(address.country_code ?? '').toLowerCase();
    if (countries.length && !countries.some((candidate) => candidate.iso_2 === country)) {
      throw DomainError.invalidData(`The order's region does not ship to ${country || 'that address'}`);
    }
    return { ...address };
  }

  /**
   * The attempt as one of the order's payments, in one statement with what it changes: the earlier
   * open attempts superseded, the shipping address and where the shipping is paid; paid by points
   * alone, the order is paid (`events.order.paid`). Nothing is written once the order is no longer
   * waiting for its money (its attempt is then ended by the cancellation).
   */
  private async record(
    order: StoredOrder,
    charge: ChargeReply,
    address: Record<string, unknown>,
    onDelivery: boolean,
    pointsWorth: number,
  ): Promise<void> {
    const sql = new SqlBuilder();
    const p = (value: unknown) => sql.param(value);
    const paid = charge.status === 'paid';
    const settles = paid ? settlement(order) : null;
    const ctes = [
      `target AS (UPDATE "order"."order" SET shipping_on_delivery = ${p(onDelivery)},
         cart = jsonb_set(cart, '{shipping_address}', ${p(JSON.stringify(address))}::jsonb),
         ${settles ? `${settlementChanges(settles)},` : ''} updated_at = now()
       WHERE id = ${p(order.id)} AND payment_status = 'not_paid'
         AND NOT EXISTS (SELECT 1 FROM "order".payment WHERE session_id = ${p(charge.charge_id)})
       RETURNING id, display_id, cart_id, email, currency_code)`,
      `superseded AS (UPDATE "order".payment SET superseded_at = now(), updated_at = now()
       WHERE order_id = ${p(order.id)} AND captured_at IS NULL AND canceled_at IS NULL AND superseded_at IS NULL
         AND EXISTS (SELECT 1 FROM target))`,
      `payment AS (INSERT INTO "order".payment (id, order_id, cart_id, session_id, provider_id, amount, points,
         points_value, currency_code, captured_at, expires_at)
       SELECT ${p(charge.charge_id)}, id, cart_id, ${p(charge.charge_id)}, ${p(charge.provider_id ?? 'points')},
         ${p(charge.amount)}::int, ${p(charge.points)}::int, ${p(pointsWorth)}::int, currency_code,
         CASE WHEN ${p(paid)} THEN now() END,
         ${p(charge.expires_at)}::timestamptz
       FROM target ON CONFLICT (session_id) DO NOTHING RETURNING id)`,
    ];
    const created = this.outbox.inStatement(
      OrderEvents.paymentCreated,
      { id: order.id },
      { order_id: order.id, payment: startedView(charge, pointsWorth) },
      'payment',
      sql.values.length + 1,
    );
    sql.values.push(...created.values);
    ctes.push(`created_event AS (${created.sql})`);
    if (settles === 'order') {
      const event = this.outbox.inStatement(
        OrderEvents.paid,
        { id: order.id },
        {
          order_id: order.id,
          display_id: order.display_id,
          cart_id: order.cart_id,
          email: order.email,
          total: charge.amount,
          currency_code: order.currency_code,
          sells_gift_cards: sellsGiftCards(order.cart.items),
        },
        'target',
        sql.values.length + 1,
      );
      sql.values.push(...event.values);
      ctes.push(`paid_event AS (${event.sql})`);
    }
    const rows = await this.dataSource.query(`WITH ${ctes.join(',\n')} SELECT id FROM target`, sql.values);
    if (rows.length) return;
    // The payment app's charge-paid event got here first (points pay at once): it recorded this attempt.
    const [known] = await this.dataSource.query('SELECT 1 FROM "order".payment WHERE session_id = $1', [
      charge.charge_id,
    ]);
    if (!known) {
      throw DomainError.notAllowed('The order is no longer waiting for its payment', 'order_not_payable');
    }
  }
}

/** The parts of an address a provider takes. */
function providerAddress(address: Record<string, unknown>): Record<string, unknown> {
  const fields = [
    'first_name',
    'last_name',
    'address_1',
    'address_2',
    'city',
    'province',
    'postal_code',
    'country_code',
    'phone',
  ];
  return Object.fromEntries(fields.map((field) => [field, address[field] ?? null]));
}

/** Seed 001's Payment of an attempt that has just started (the newest, so the one available). */
function startedView(charge: ChargeReply, pointsWorth: number): OrderPaymentView {
  const now = new Date();
  return paymentView({
    id: charge.charge_id,
    order_id: charge.order_id,
    provider_id: charge.provider_id ?? 'points',
    amount: charge.amount,
    points_value: pointsWorth,
    amount_refunded: 0,
    provider_reference: null,
    captured_at: charge.status === 'paid' ? now : null,
    canceled_at: null,
    superseded_at: null,
    expires_at: new Date(charge.expires_at),
    created_at: now,
    updated_at: now,
    is_available: true,
  });
}

/** Only a submitted order still waiting for its money, within its window, can be paid. */
function assertPayable(order: StoredOrder): void {
  if (order.status === 'canceled') throw DomainError.notAllowed('The order was canceled', 'order_canceled');
  if (order.payment_status !== 'not_paid') {
    throw DomainError.notAllowed('The order is paid already', 'order_paid');
  }
  if (!order.pay_expire || Date.parse(order.pay_expire) <= Date.now()) {
    throw DomainError.notAllowed('The time to pay this order has passed', 'order_expired');
  }
  const presale = order.presale;
  if (presale?.deposit_paid_at && Date.parse(presale.balance_opens_at) > Date.now()) {
    throw DomainError.notAllowed(
      `The balance can be paid from ${presale.balance_opens_at}, when the presale window opens`,
      'balance_not_open',
    );
  }
}

/**
 * `freight_mode` 1 (包邮) only for an order that ships free; with 2 (不包邮) `freight_json_arr_key`
 * says where the shipping is paid: 1 到付 on delivery (out of what is due now), 2 商家自选 now.
 */
function freightOnDelivery(order: StoredOrder, command: PayOrderCommand): boolean {
  const shipping = order.cart.shipping_total + order.cart.shipping_tax_total;
  if (command.freight_mode === undefined)
    throw DomainError.invalidData('freight_mode is required: 1 包邮, 2 不包邮');
  if (command.freight_mode === 1) {
    if (shipping > 0) {
      throw DomainError.invalidData(
        'This order does not ship free (包邮): pay with freight_mode 2',
        'freight_not_free',
      );
    }
    return false;
  }
  if (!command.freight_json_arr_key) {
    throw DomainError.invalidData('freight_json_arr_key is required with freight_mode 2: 1 到付, 2 商家自选');
  }
  return command.freight_json_arr_key === 1;
}

/** Seed 002's rule: points that cover what is due pay alone; points that do not need a wallet beside them. */
function checkSplit(method: (typeof METHODS)[PayMethod], points: number, worth: number, due: number): void {
  if (worth > due)
    throw DomainError.invalidData('pay_integral is worth more than is due', 'points_exceed_due');
  if (!method.points && points > 0) {
    throw DomainError.invalidData('pay_method 1 and 2 pay without points: add points with pay_method 4 or 5');
  }
  if (method.provider === null && worth < due) {
    throw DomainError.notAllowed(
      'The points do not cover what is due: pay the rest with pay_method 4 or 5',
      'points_short',
    );
  }
  if (method.provider !== null && worth === due) {
    throw DomainError.notAllowed(
      'The points cover what is due: pay with points alone (pay_method 3)',
      'points_cover_due',
    );
  }
  if (method.provider !== null && method.points && points === 0) {
    throw DomainError.invalidData('pay_method 4 and 5 pay with points: give pay_integral');
  }
}

function parsePrice(price: string, currencyCode: string): number {
  try {
    return toMinorUnits(price, currencyCode);
  } catch (error) {
    if (error instanceof MoneyError) {
      throw DomainError.invalidData(`pay_price has more than ${currencyExponent(currencyCode)} decimals`);
    }
    throw error;
  }
}
