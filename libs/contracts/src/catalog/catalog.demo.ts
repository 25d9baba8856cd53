/**
 * Fixed ids of the demo store, so that every app seeds and refers to the same records.
 */
export const DemoRegionIds = {
  europe: 'reg_01KDVDNA00GK8MC491TS8HF3WJ',
  china: 'reg_01KDVDNA01PA5ZM8JBY86VDZD9',
} as const;

/**
 * The demo store's publishable API key (`x-publishable-api-key`): it scopes a storefront to the
 * store's default sales channel, where every demo product is sold.
 */
export const DEMO_PUBLISHABLE_KEY = 'pk_01KDVDNA20DEM0STREKEY00001';

/** Demo products other apps and the tests refer to. */
export const DemoProductIds = {
  classicTee: 'prod_01KDVDNA10F3YY1PRXHT86PK6G',
  organicHoodie: 'prod_01KDVDNA10C4WEBSQHBRYHRE22',
  linenShorts: 'prod_01KDVDNA10T1G0PMXG69D2A32V',
  canvasTote: 'prod_01KDVDNA10S33K3J2PW7HZ9WYZ',
  baseballCap: 'prod_01KDVDNA10RH91Q97RJGB725FG',
  crewSocks: 'prod_01KDVDNA10790YEK27E369CV81',
  stonewareMug: 'prod_01KDVDNA10RY9HS5M4PF4GGEPP',
  celadonTeaSet: 'prod_01KDVDNA10N9VSKTYQ399W978B',
  giftCard: 'prod_01KDVDNA10JZJARNYQ3258W5Y5',
  /** Sold in presale only (seed 004). */
  teaCaddy: 'prod_01KDVDNA10PGACMRX21WJGAN9A',
} as const;

/** Demo variants with something to show: prices, tiers, scarce, backorderable or unmanaged stock. */
export const DemoVariantIds = {
  /** Classic Tee S / White: €19.50, ¥99.00. */
  teeSmallWhite: 'variant_01KDVDNA106M5BYCJQG1YWT6CQ',
  teeMediumBlack: 'variant_01KDVDNA10RPW2SDA82J5YNMD2',
  /** Organic Hoodie L / Navy: nearly sold out (2 in stock). */
  hoodieLargeNavy: 'variant_01KDVDNA10WZVGRTVBE8FMKDRX',
  /** Baseball Cap Khaki: none in stock, backorderable. */
  capKhaki: 'variant_01KDVDNA1034VQ3ZN6ZF7WWYKM',
  capBlack: 'variant_01KDVDNA10F5Z3TPC6BWD0GP85',
  /** Crew Socks 36-40: €12.00, €10.00 from three pairs. */
  socksSmall: 'variant_01KDVDNA10W54M58ENQ90QRJPQ',
  /** Gift Card Medium: €50.00, inventory not managed. */
  giftCardMedium: 'variant_01KDVDNA10DSXJPKWSKQ7W25M4',
  /** Stoneware Mug White: €15.00, €13.00 from two. */
  mugWhite: 'variant_01KDVDNA10TV45ERV71Q8DWNYH',
  /** Celadon Tea Set: 5 in stock. */
  teaSet: 'variant_01KDVDNA10J98NXR1CDSY8W5FE',
  /** Linen Shorts M: €39.00, on sale at €29.00. */
  shortsMedium: 'variant_01KDVDNA10HRN2BJ8R5R038JPQ',
  /** Canvas Tote: €18.00, €17.00 in the Europe region. */
  tote: 'variant_01KDVDNA10WGDAY02TT24C1710',
  /**
   * Pewter Tea Caddy (SKU `CADDY-PW-250`), presale only: ¥168.00, a ¥20.00 deposit, the balance
   * window opening a week after the demo is seeded, at most 2 per customer, 20 presale units.
   */
  teaCaddy: 'variant_01KDVDNA10RV9102RTY0MHJA98',
} as const;

/** Demo shipping options (flat rate). */
export const DemoShippingOptionIds = {
  europeStandard: 'so_01KDVDNA10TJRFXZC0AP227VNQ',
  europeExpress: 'so_01KDVDNA10NF32NTXDSATYJZ2M',
  /** Free from a €100.00 subtotal. */
  europeFree: 'so_01KDVDNA108TCJ6EX41KGYFECB',
  europeReturn: 'so_01KDVDNA10TJMB4XQ6HRSVB1YX',
  /** Admin only: never offered in the store. */
  europeCourier: 'so_01KDVDNA10VR46F3XND0WEXEP1',
  europeDigital: 'so_01KDVDNA10B9M19T0S3FQ0SAXC',
  /** 普通快递 ¥10. */
  chinaStandard: 'so_01KDVDNA105FB1SATK6TF78R1V',
  /** 顺丰速运 ¥15. */
  chinaSfExpress: 'so_01KDVDNA107FEKKEM2DS2RWDPF',
  chinaReturn: 'so_01KDVDNA10NS85FBZWT17FHKD5',
  chinaDigital: 'so_01KDVDNA10ZJFT9BBDV40ZYPT6',
} as const;

/** The customer group of the demo's VIP price list (Classic Tee at €15.00). */
export const DEMO_VIP_CUSTOMER_GROUP_ID = 'cgrp_01KDVDNA10VPCSTMRGRP000001';

/**
 * Seed 004's customer levels vip1–vip3: customer groups whose price lists take 95 %, 90 % and 88 %
 * of every regular price (the seed's `vip1_price` … `vip3_price`).
 */
export const DemoCustomerLevels = [
  { level: 1, group_id: 'cgrp_01KDVDNA10VPCSTMRGRP0VIP1', name: 'vip1', percent: 95 },
  { level: 2, group_id: 'cgrp_01KDVDNA10VPCSTMRGRP0VIP2', name: 'vip2', percent: 90 },
  { level: 3, group_id: 'cgrp_01KDVDNA10VPCSTMRGRP0VIP3', name: 'vip3', percent: 88 },
] as const;

/** Demo product types other apps refer to (discount conditions). */
export const DemoProductTypeIds = {
  homeware: 'ptyp_01KDVDNA10S36K1N2ZM5K4BRZH',
} as const;
