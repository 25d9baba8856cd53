/** What the demo shop sells at other prices, and how it ships. */
import { DEMO_VIP_CUSTOMER_GROUP_ID, DemoCustomerLevels } from '@app/contracts';
import { DemoPrice } from './demo-products';

/** A price list with one price for every variant of one product. */
export interface DemoPriceList {
  key: string;
  name: string;
  description: string;
  type: 'sale' | 'override';
  status: 'active' | 'draft';
  ended: boolean;
  customer_group_id: string | null;
  product: string;
  price: DemoPrice;
}

export const DEMO_PRICE_LISTS: DemoPriceList[] = [
  {
    key: 'summer-sale',
    name: 'Summer Sale',
    description: 'Linen shorts, 25 % off',
    type: 'sale',
    status: 'active',
    ended: false,
    customer_group_id: null,
    product: 'linen-shorts',
    price: { eur: 2900, cny: 14900 },
  },
  {
    key: 'vip-members',
    name: 'VIP Members',
    description: 'Member price on the Classic Tee',
    type: 'override',
    status: 'active',
    ended: false,
    customer_group_id: DEMO_VIP_CUSTOMER_GROUP_ID,
    product: 'classic-tee',
    price: { eur: 1500, cny: 7900 },
  },
  {
    key: 'autumn-preview',
    name: 'Autumn Preview',
    description: 'Not published yet',
    type: 'sale',
    status: 'draft',
    ended: false,
    customer_group_id: null,
    product: 'organic-hoodie',
    price: { eur: 100, cny: 100 },
  },
  {
    key: 'flash-sale',
    name: 'Flash Sale',
    description: 'Over',
    type: 'sale',
    status: 'active',
    ended: true,
    customer_group_id: null,
    product: 'stoneware-mug',
    price: { eur: 500, cny: 500 },
  },
];

/** Seed 004's customer levels: a price list per level taking a percentage of every regular price. */
export const DEMO_LEVEL_PRICE_LISTS = DemoCustomerLevels.map((level) => ({
  key: `level-${level.name}`,
  name: `Level ${level.name}`,
  description: `${level.percent} % of the regular price for ${level.name} customers`,
  customer_group_id: level.group_id,
  percent: level.percent,
}));

/** A Europe-only price that beats the euro price (region prices take precedence). */
export const DEMO_REGION_PRICES = [{ product: 'canvas-tote', region: 'europe' as const, amount: 1700 }];

/** A flat-rate shipping option of a region, with its requirements. */
export interface DemoShippingOption {
  key: string;
  region: 'europe' | 'china';
  name: string;
  profile: 'default' | 'gift_card';
  amount: number;
  is_return?: boolean;
  admin_only?: boolean;
  min_subtotal?: number;
  max_subtotal?: number;
}

export const DEMO_SHIPPING_OPTIONS: DemoShippingOption[] = [
  { key: 'eu-standard', region: 'europe', name: 'Standard Shipping', profile: 'default', amount: 800 },
  { key: 'eu-express', region: 'europe', name: 'Express Shipping', profile: 'default', amount: 1500 },
  {
    key: 'eu-free',
    region: 'europe',
    name: 'Free Shipping',
    profile: 'default',
    amount: 0,
    min_subtotal: 10000,
  },
  {
    key: 'eu-return',
    region: 'europe',
    name: 'Return Shipping',
    profile: 'default',
    amount: 500,
    is_return: true,
  },
  {
    key: 'eu-courier',
    region: 'europe',
    name: 'Private Courier',
    profile: 'default',
    amount: 5000,
    admin_only: true,
  },
  { key: 'eu-digital', region: 'europe', name: 'Digital Delivery', profile: 'gift_card', amount: 0 },
  { key: 'cn-standard', region: 'china', name: '普通快递', profile: 'default', amount: 1000 },
  { key: 'cn-sf-express', region: 'china', name: '顺丰速运', profile: 'default', amount: 1500 },
  { key: 'cn-return', region: 'china', name: '退货快递', profile: 'default', amount: 1000, is_return: true },
  { key: 'cn-digital', region: 'china', name: '电子礼品卡', profile: 'gift_card', amount: 0 },
];

/** A presale offer of the demo (seed 004), its window counted from when the demo is first seeded. */
export interface DemoPresaleOffer {
  sku: string;
  currency_code: string;
  deposit_amount: number;
  balance_opens_in_days: number;
  balance_open_days: number;
  stock_limit: number;
  buy_limit: number;
  arrives_in_days: number;
}

export const DEMO_PRESALE_OFFERS: DemoPresaleOffer[] = [
  {
    sku: 'CADDY-PW-250',
    currency_code: 'cny',
    deposit_amount: 2000,
    balance_opens_in_days: 7,
    balance_open_days: 7,
    stock_limit: 20,
    buy_limit: 2,
    arrives_in_days: 21,
  },
];
