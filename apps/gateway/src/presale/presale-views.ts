import { maskPhone, PresaleQuote, PresaleSubmitReply } from '@app/contracts';
import { fromMinorUnits } from '@app/platform';

/** Yuan as seed 004 writes them: a number (`168`), a fixed string (`"168.00"`), a priced string (`"¥168.00"`). */
const yuan = (quote: PresaleQuote, minor: number) => Number(fromMinorUnits(minor, quote.currency_code));
const fixed = (quote: PresaleQuote, minor: number) => fromMinorUnits(minor, quote.currency_code);
const priced = (quote: PresaleQuote, minor: number) => `¥${fixed(quote, minor)}`;

/** Seed 004's three delivery times, the second by default. */
export const DELIVERY_TIMES = [
  { delivery_time_id: 1, delivery_time_string: '只工作日送货' },
  { delivery_time_id: 2, delivery_time_string: '工作日、双休日和节假日均送货' },
  { delivery_time_id: 3, delivery_time_string: '只双休日、节假日送货(工作日不送货)' },
];

const INVOICE_TYPES = [
  '图书',
  '资料',
  '办公用品',
  '洗涤用品',
  '化妆品',
  '体育用品',
  '服装',
  '饰品',
  '配件',
  '数码产品',
];
const INVOICE_CONTENTS = ['服装', '图书', '配件', '日用品', '办公用品', '体育用品', '数码产品'];
const PROVIDER_NAMES: Record<string, [number, string]> = {
  alipay: [15, '支付宝'],
  wechat: [22, '微信支付'],
  cashier: [30, '收银台'],
};

function deliveryWays(quote: PresaleQuote) {
  return quote.delivery_ways.map((way) => ({
    default: way.selected ? 'Y' : 'N',
    delivery_way_cost: yuan(quote, way.amount),
    delivery_way_id: way.id,
    delivery_way_name: way.name,
    is_delivery: 'Y',
    is_support: 'Y',
  }));
}

function paymentWays(quote: PresaleQuote) {
  const online = quote.payment_providers
    .filter((provider) => PROVIDER_NAMES[provider])
    .map((provider, index) => ({
      default: index === 0 ? 'Y' : 'N',
      is_support: 'Y',
      is_support_message: '',
      payment_id: PROVIDER_NAMES[provider][0],
      payment_name: PROVIDER_NAMES[provider][1],
      payment_type: 1,
      payment_type_name: '在线支付(推荐)',
    }));
  return [
    ...online,
    {
      default: 'N',
      is_support: 'N',
      is_support_message: '预售商品不支持货到付款',
      payment_id: 0,
      payment_name: '货到付款',
      payment_type: 2,
      payment_type_name: '货到付款',
    },
  ];
}

/** 商品金额, 定金金额, 尾款金额, 运费 — and 有货币 when points are used — with the total's formula. */
function formula(quote: PresaleQuote) {
  const list = [
    { promotion: '商品金额', promotion_amount: priced(quote, quote.goods_amount) },
    { promotion: '定金金额', promotion_amount: priced(quote, quote.deposit_amount) },
    { promotion: '尾款金额', promotion_amount: priced(quote, quote.goods_amount - quote.deposit_amount) },
    { promotion: '运费', promotion_amount: `+${priced(quote, quote.shipping_amount)}` },
    ...(quote.points_amount
      ? [{ promotion: '有货币', promotion_amount: `-${priced(quote, quote.points_amount)}` }]
      : []),
  ];
  const parts = [
    `商品金额${priced(quote, quote.goods_amount)}`,
    `运费${priced(quote, quote.shipping_amount)}`,
  ];
  const coin = quote.points_amount ? `-有货币${priced(quote, quote.points_amount)}` : '';
  return {
    promotion_formula: `总计${priced(quote, quote.total)}=${parts.join('+')}${coin}`,
    promotion_formula_list: list,
  };
}

function goods(quote: PresaleQuote, uid: string) {
  const { offer, product } = quote;
  const levels = Object.fromEntries(
    quote.level_prices.map((level) => [`vip${level.level}_price`, fixed(quote, level.price)]),
  );
  return {
    attribute: '1',
    buy_limit: offer.buy_limit,
    buy_number: String(quote.buy_number),
    color_name: product.options.Color ?? product.options.Colour ?? '',
    size_name: product.options.Size ?? '',
    expect_arrival_time: offer.expect_arrival_time ?? '',
    goods_images: product.thumbnail ?? '',
    goods_type: 'advance',
    is_advance: 'Y',
    is_deposit_advance: 'Y',
    last_price: fixed(quote, quote.unit_price),
    last_vip_price: yuan(quote, quote.unit_price),
    market_price: yuan(quote, quote.price),
    product_id: product.id,
    product_name: product.title,
    product_skn: offer.variant_id,
    product_sku: offer.sku ?? offer.variant_id,
    real_price: yuan(quote, quote.unit_price),
    sales_price: yuan(quote, quote.price),
    selected: 'Y',
    storage_number: String(offer.stock),
    str_subtotal: priced(quote, quote.goods_amount),
    subtotal: yuan(quote, quote.goods_amount),
    uid,
    ...levels,
  };
}

function amounts(quote: PresaleQuote) {
  const express = quote.delivery_ways.find((way) => way.id === 2);
  return {
    discount_amount: 0,
    fast_shopping_cost: express ? yuan(quote, express.amount) : 0,
    gain_yoho_coin: 0,
    goods_count: quote.buy_number,
    last_order_amount: yuan(quote, quote.total),
    order_amount: yuan(quote, quote.goods_amount),
    ...formula(quote),
    selected_goods_count: quote.buy_number,
    shipping_cost: yuan(quote, quote.shipping_amount),
    str_discount_amount: priced(quote, 0),
    str_order_amount: priced(quote, quote.total),
    order_deposit_amount: fixed(quote, quote.deposit_amount),
    order_tail_pay_amount: fixed(quote, quote.balance_amount),
  };
}

/** Seed 004's settle `data` (`app.shopping.depositPayment`). */
export function settleData(quote: PresaleQuote, uid: string): Record<string, unknown> {
  const address = quote.address;
  return {
    delivery_address: address
      ? {
          address: address.address,
          address_id: address.id,
          area: address.area,
          area_code: address.area_code,
          consignee: address.consignee,
          is_delivery: 'Y',
          is_support: 'Y',
          mobile: maskPhone(address.phone),
          phone: '',
        }
      : null,
    delivery_time: DELIVERY_TIMES.map((time) => ({
      default: time.delivery_time_id === 2 ? 'Y' : 'N',
      ...time,
    })),
    delivery_way: deliveryWays(quote),
    goods_list: [goods(quote, uid)],
    invoices: {
      invoices_title: '',
      invoices_type_id: 0,
      invoices_type_list: INVOICE_TYPES.map((name, index) => ({
        invoices_type_id: index + 1,
        invoices_type_name: name,
      })),
      invoiceContentList: INVOICE_CONTENTS.map((name, index) => ({
        invoices_type_id: index + 1,
        invoices_type_name: name,
      })),
      invoices_type_name: '',
    },
    payment_way: paymentWays(quote),
    promo_code_enabled: 0,
    shopping_cart_data: amounts(quote),
    tail_pay_notice_phone: address ? maskPhone(address.phone) : '',
    uid,
    use_yoho_coin: yuan(quote, quote.points_amount),
    yoho_coin: quote.points_balance,
  };
}

/** Seed 004's compute `data` (`depositCompute`): the amounts again, with the coin line and the packages. */
export function computeData(quote: PresaleQuote): Record<string, unknown> {
  const { offer, product } = quote;
  const standard = quote.delivery_ways.find((way) => way.id === 1)?.amount ?? 0;
  return {
    coupon_amount: 0,
    delivery_way: deliveryWays(quote),
    ...amounts(quote),
    payment_way: paymentWays(quote),
    use_red_envelopes: 0,
    use_yoho_coin: yuan(quote, quote.points_amount),
    is_multi_package: 'N',
    package_list: [
      {
        supplier_id: '0',
        goods_list: [
          {
            buy_number: String(quote.buy_number),
            goods_images: product.thumbnail ?? '',
            goods_type: 'advance',
            product_id: product.id,
            product_name: product.title,
            product_skc: offer.variant_id,
            product_skn: offer.variant_id,
            product_sku: offer.sku ?? offer.variant_id,
          },
        ],
        shopping_cost: yuan(quote, quote.shipping_amount),
        shopping_cut_cost: yuan(quote, Math.max(standard - quote.shipping_amount, 0)),
        shopping_orig_cost: yuan(quote, quote.shipping_amount),
      },
    ],
  };
}

/** A time as seed 004 writes it: China time, `2016-07-14 15:57:48`. */
export function chinaTime(iso: string): string {
  return new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 19).replace('T', ' ');
}

/** Seed 004's submit `data`, with the `order_id` pay-now takes (also its `pay_trade_no`). */
export function submitData(order: PresaleSubmitReply): Record<string, unknown> {
  return {
    create_time: chinaTime(order.created_at),
    order_amount: Number(fromMinorUnits(order.total, order.currency_code)),
    order_code: order.display_id,
    pay_trade_no: order.order_id,
    payment_amount: fromMinorUnits(order.deposit_amount, order.currency_code),
    pay_expire: chinaTime(order.pay_expire),
    payment_status: order.deposit_paid ? 1 : 0,
    order_id: order.order_id,
  };
}
