/** What the demo shop sells at other prices, and how it ships. */
import { DEMO_VIP_CUSTOMER_GROUP_ID } from '@app/contracts';
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
