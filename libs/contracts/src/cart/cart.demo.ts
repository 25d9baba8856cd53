/** Discount codes and gift cards of the demo store, seeded into the cart schema. */
export const DemoDiscountCodes = {
  /** 10 % off everything, Europe and China. */
  welcome10: 'WELCOME10',
  /** €5 off the order (spread over its lines), Europe only. */
  fiveOff: 'FIVEOFF',
  /** ¥20 off every Classic Tee unit (per item), China only. */
  teeTwenty: 'TEE20',
  /** Free shipping, Europe and China. */
  freeShipping: 'FREESHIP',
  /** 15 % off homeware only (a product type condition), Europe. */
  home15: 'HOME15',
  /** Expired last summer. */
  expired: 'SUMMER2025',
  /** Used up: its usage limit is reached. */
  usedUp: 'FIRST100',
  /** Disabled by the shop. */
  disabled: 'PAUSED',
} as const;

/** Demo gift cards by code. */
export const DemoGiftCardCodes = {
  /** €50.00 in Europe. */
  europe50: 'GIFT-EU-50',
  /** ¥200.00 in China. */
  china200: 'GIFT-CN-200',
  /** €10.00 in Europe, disabled. */
  disabled: 'GIFT-EU-OFF',
} as const;
