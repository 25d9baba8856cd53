/**
 * The demo shop: a small apparel and homeware store selling in Europe (EUR) and China (CNY).
 * Prices are minor units (1950 = €19.50, 9900 = ¥99.00).
 */

export interface DemoPrice {
  eur: number;
  cny: number;
}

export interface DemoVariant {
  /** Option values in the product's option order, e.g. ['S', 'White']. */
  options: string[];
  sku: string;
  price: DemoPrice;
  /** Units in stock (default 100). */
  stock?: number;
  allow_backorder?: boolean;
  manage_inventory?: boolean;
}

export interface DemoProduct {
  handle: string;
  title: string;
  subtitle: string;
  description: string;
  collection: string | null;
  type: string;
  tags: string[];
  categories: string[];
  material: string | null;
  origin_country: string | null;
  weight: number;
  is_giftcard?: boolean;
  options: { title: string; values: string[] }[];
  variants: DemoVariant[];
  /** Cheaper per unit from a quantity on: [min quantity, price]. */
  tier?: [number, DemoPrice];
  images: string[];
}

export const DEMO_COLLECTIONS = [
  { handle: 'summer-essentials', title: 'Summer Essentials' },
  { handle: 'winter-warmers', title: 'Winter Warmers' },
  { handle: 'home-and-kitchen', title: 'Home & Kitchen' },
];

export const DEMO_TYPES = ['Clothing', 'Accessory', 'Homeware', 'Gift Card'];

export const DEMO_TAGS = ['cotton', 'organic', 'bestseller', 'new', 'linen', 'wool', 'ceramic', 'limited'];

/** Categories as [handle, name, parent handle, is_internal]. */
export const DEMO_CATEGORIES: [string, string, string | null, boolean][] = [
  ['apparel', 'Apparel', null, false],
  ['tops', 'Tops', 'apparel', false],
  ['bottoms', 'Bottoms', 'apparel', false],
  ['accessories', 'Accessories', null, false],
  ['home', 'Home', null, false],
  ['staff-picks', 'Staff Picks', null, true],
];

const sizes = (...values: string[]) => ({ title: 'Size', values });
const colors = (...values: string[]) => ({ title: 'Color', values });
const image = (handle: string, name: string) =>
  `https://images.checkout-demo.shop/products/${handle}/${name}.jpg`;

/** Every combination of the options' values, as variants with one price. */
function matrix(
  sku: string,
  price: DemoPrice,
  options: { title: string; values: string[] }[],
  overrides: Record<string, Partial<DemoVariant>> = {},
): DemoVariant[] {
  const combinations = options.reduce<string[][]>(
    (acc, option) => acc.flatMap((combo) => option.values.map((value) => [...combo, value])),
    [[]],
  );
  return combinations.map((values) => {
    const code = values
      .map((value) =>
        value
          .replace(/[^A-Za-z0-9]/g, '')
          .slice(0, 3)
          .toUpperCase(),
      )
      .join('-');
    return { options: values, sku: `${sku}-${code}`, price, ...overrides[values.join(' / ')] };
  });
}

const teeOptions = [sizes('S', 'M', 'L', 'XL'), colors('White', 'Black')];
const hoodieOptions = [sizes('S', 'M', 'L'), colors('Grey', 'Navy')];
const capOptions = [colors('Black', 'Khaki')];
const giftCardOptions = [{ title: 'Denomination', values: ['Small', 'Medium', 'Large'] }];

export const DEMO_PRODUCTS: DemoProduct[] = [
  {
    handle: 'classic-tee',
    title: 'Classic Tee',
    subtitle: 'Heavyweight organic cotton',
    description: 'A boxy, heavyweight T-shirt in 220 g organic cotton that keeps its shape wash after wash.',
    collection: 'summer-essentials',
    type: 'Clothing',
    tags: ['cotton', 'bestseller'],
    categories: ['tops', 'staff-picks'],
    material: 'Organic cotton',
    origin_country: 'PT',
    weight: 220,
    options: teeOptions,
    variants: matrix('TEE', { eur: 1950, cny: 9900 }, teeOptions),
    images: [image('classic-tee', 'white-front'), image('classic-tee', 'black-front')],
  },
  {
    handle: 'organic-hoodie',
    title: 'Organic Hoodie',
    subtitle: 'Brushed-back fleece',
    description: 'A mid-weight hoodie in brushed organic cotton fleece with a double-layered hood.',
    collection: 'winter-warmers',
    type: 'Clothing',
    tags: ['organic', 'new'],
    categories: ['tops'],
    material: 'Organic cotton fleece',
    origin_country: 'PT',
    weight: 540,
    options: hoodieOptions,
    variants: matrix('HOOD', { eur: 5900, cny: 32900 }, hoodieOptions, { 'L / Navy': { stock: 2 } }),
    images: [image('organic-hoodie', 'grey-front'), image('organic-hoodie', 'navy-front')],
  },
  {
    handle: 'relaxed-sweatpants',
    title: 'Relaxed Sweatpants',
    subtitle: 'Tapered leg, deep pockets',
    description: 'Loopback cotton sweatpants with a tapered leg, an elastic waist and deep side pockets.',
    collection: 'winter-warmers',
    type: 'Clothing',
    tags: ['cotton'],
    categories: ['bottoms'],
    material: 'Cotton',
    origin_country: 'PT',
    weight: 480,
    options: [sizes('S', 'M', 'L', 'XL')],
    variants: matrix('SWPT', { eur: 4500, cny: 25900 }, [sizes('S', 'M', 'L', 'XL')]),
    images: [image('relaxed-sweatpants', 'front')],
  },
  {
    handle: 'linen-shorts',
    title: 'Linen Shorts',
    subtitle: 'Garment-dyed European linen',
    description: 'Breezy drawstring shorts in garment-dyed European linen, made for long summer days.',
    collection: 'summer-essentials',
    type: 'Clothing',
    tags: ['linen', 'new'],
    categories: ['bottoms'],
    material: 'Linen',
    origin_country: 'LT',
    weight: 260,
    options: [sizes('S', 'M', 'L')],
    variants: matrix('SHRT', { eur: 3900, cny: 19900 }, [sizes('S', 'M', 'L')]),
    images: [image('linen-shorts', 'front'), image('linen-shorts', 'detail')],
  },
  {
    handle: 'merino-beanie',
    title: 'Merino Beanie',
    subtitle: 'Rib-knit extra-fine merino',
    description: 'A close-fitting rib-knit beanie in extra-fine merino wool that is warm without the itch.',
    collection: 'winter-warmers',
    type: 'Accessory',
    tags: ['wool'],
    categories: ['accessories'],
    material: 'Merino wool',
    origin_country: 'IT',
    weight: 80,
    options: [colors('Charcoal', 'Mustard')],
    variants: matrix('BEAN', { eur: 2500, cny: 12900 }, [colors('Charcoal', 'Mustard')]),
    images: [image('merino-beanie', 'charcoal'), image('merino-beanie', 'mustard')],
  },
  {
    handle: 'canvas-tote',
    title: 'Canvas Tote',
    subtitle: 'Heavy organic canvas',
    description: 'A roomy tote in 16 oz organic canvas with an inside pocket and reinforced handles.',
    collection: 'summer-essentials',
    type: 'Accessory',
    tags: ['organic', 'bestseller'],
    categories: ['accessories'],
    material: 'Organic canvas',
    origin_country: 'IN',
    weight: 300,
    options: [{ title: 'Color', values: ['Natural'] }],
    variants: [{ options: ['Natural'], sku: 'TOTE-NAT', price: { eur: 1800, cny: 8900 } }],
    images: [image('canvas-tote', 'natural')],
  },
  {
    handle: 'baseball-cap',
    title: 'Baseball Cap',
    subtitle: 'Washed cotton twill',
    description: 'A six-panel cap in washed cotton twill with an adjustable brass buckle.',
    collection: 'summer-essentials',
    type: 'Accessory',
    tags: ['cotton'],
    categories: ['accessories'],
    material: 'Cotton twill',
    origin_country: 'VN',
    weight: 90,
    options: capOptions,
    variants: matrix('CAP', { eur: 2200, cny: 10900 }, capOptions, {
      Khaki: { stock: 0, allow_backorder: true },
    }),
    images: [image('baseball-cap', 'black'), image('baseball-cap', 'khaki')],
  },
  {
    handle: 'crew-socks',
    title: 'Crew Socks',
    subtitle: 'Combed cotton, cushioned sole',
    description: 'Everyday crew socks in combed cotton with a cushioned sole. Cheaper from three pairs.',
    collection: null,
    type: 'Accessory',
    tags: ['cotton', 'bestseller'],
    categories: ['accessories'],
    material: 'Combed cotton',
    origin_country: 'PT',
    weight: 60,
    options: [sizes('36-40', '41-46')],
    variants: matrix('SOCK', { eur: 1200, cny: 5900 }, [sizes('36-40', '41-46')]),
    tier: [3, { eur: 1000, cny: 4900 }],
    images: [image('crew-socks', 'pair')],
  },
  {
    handle: 'stoneware-mug',
    title: 'Stoneware Mug',
    subtitle: 'Hand-glazed, 350 ml',
    description: 'A hand-glazed stoneware mug that holds 350 ml. Cheaper from two mugs.',
    collection: 'home-and-kitchen',
    type: 'Homeware',
    tags: ['ceramic'],
    categories: ['home'],
    material: 'Stoneware',
    origin_country: 'PT',
    weight: 380,
    options: [colors('White', 'Sage')],
    variants: matrix('MUG', { eur: 1500, cny: 6900 }, [colors('White', 'Sage')]),
    tier: [2, { eur: 1300, cny: 5900 }],
    images: [image('stoneware-mug', 'white'), image('stoneware-mug', 'sage')],
  },
  {
    handle: 'pour-over-coffee-set',
    title: 'Pour-Over Coffee Set',
    subtitle: 'Dripper, carafe and filters',
    description: 'A ceramic dripper with a glass carafe and 100 paper filters: all you need for a slow brew.',
    collection: 'home-and-kitchen',
    type: 'Homeware',
    tags: ['new'],
    categories: ['home'],
    material: 'Ceramic and glass',
    origin_country: 'JP',
    weight: 900,
    options: [{ title: 'Set', values: ['Standard'] }],
    variants: [{ options: ['Standard'], sku: 'POUR-STD', price: { eur: 4900, cny: 26900 } }],
    images: [image('pour-over-coffee-set', 'set')],
  },
  {
    handle: 'celadon-tea-set',
    title: 'Celadon Tea Set 青瓷茶具',
    subtitle: 'Longquan celadon, six pieces',
    description:
      'A Longquan celadon tea set: a teapot, a fairness pitcher and four cups, fired in small batches.',
    collection: 'home-and-kitchen',
    type: 'Homeware',
    tags: ['ceramic', 'limited'],
    categories: ['home'],
    material: 'Celadon porcelain',
    origin_country: 'CN',
    weight: 1400,
    options: [{ title: 'Set', values: ['Six pieces'] }],
    variants: [{ options: ['Six pieces'], sku: 'TEA-CEL-6', price: { eur: 8900, cny: 39900 }, stock: 5 }],
    images: [image('celadon-tea-set', 'set'), image('celadon-tea-set', 'cups')],
  },
  {
    handle: 'wool-scarf',
    title: 'Wool Scarf',
    subtitle: 'Lambswool, fringed',
    description: 'A soft lambswool scarf, woven in Scotland and finished with a short fringe.',
    collection: 'winter-warmers',
    type: 'Accessory',
    tags: ['wool', 'limited'],
    categories: ['accessories'],
    material: 'Lambswool',
    origin_country: 'GB',
    weight: 200,
    options: [colors('Grey', 'Burgundy')],
    variants: matrix('SCRF', { eur: 3500, cny: 17900 }, [colors('Grey', 'Burgundy')]),
    images: [image('wool-scarf', 'grey'), image('wool-scarf', 'burgundy')],
  },
  {
    handle: 'gift-card',
    title: 'Gift Card',
    subtitle: 'Delivered by email',
    description:
      'Not sure what they would like? A gift card, delivered by email, to spend on anything in the shop.',
    collection: null,
    type: 'Gift Card',
    tags: [],
    categories: [],
    material: null,
    origin_country: null,
    weight: 0,
    is_giftcard: true,
    options: giftCardOptions,
    variants: [
      { options: ['Small'], sku: 'GIFT-S', price: { eur: 2500, cny: 10000 }, manage_inventory: false },
      { options: ['Medium'], sku: 'GIFT-M', price: { eur: 5000, cny: 20000 }, manage_inventory: false },
      { options: ['Large'], sku: 'GIFT-L', price: { eur: 10000, cny: 50000 }, manage_inventory: false },
    ],
    images: [image('gift-card', 'card')],
  },
  {
    handle: 'pewter-tea-caddy',
    title: 'Pewter Tea Caddy 锡茶叶罐',
    subtitle: 'Presale: arrives next month',
    description:
      'A hand-beaten pewter caddy that keeps tea dry and dark. Sold in presale: a deposit now, the balance when it ships.',
    collection: 'home-and-kitchen',
    type: 'Homeware',
    tags: ['new', 'limited'],
    categories: ['home'],
    material: 'Pewter',
    origin_country: 'CN',
    weight: 450,
    options: [colors('Silver'), sizes('250 g')],
    variants: [
      { options: ['Silver', '250 g'], sku: 'CADDY-PW-250', price: { eur: 2200, cny: 16800 }, stock: 20 },
    ],
    images: [image('pewter-tea-caddy', 'caddy')],
  },
];
