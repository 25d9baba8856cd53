import {
  CatalogCommands,
  DEMO_VIP_CUSTOMER_GROUP_ID,
  DemoRegionIds,
  DemoShippingOptionIds,
  DemoVariantIds,
  PriceVariantsRequest,
  QuoteShippingOptionRequest,
} from '@app/contracts';
import { createTestEnvironment, TestEnvironment } from '../../../test/support/test-environment';

const EUROPE = DemoRegionIds.europe;
const CHINA = DemoRegionIds.china;

describe('catalog: pricing for carts and shipping quotes', () => {
  let env: TestEnvironment;
  const price = (request: PriceVariantsRequest) =>
    env.commands.request(CatalogCommands.priceVariants, request);
  const quote = (request: QuoteShippingOptionRequest) =>
    env.commands.request(CatalogCommands.quoteShippingOption, request);

  beforeAll(async () => {
    env = await createTestEnvironment({ apps: ['catalog'] });
  });
  afterAll(() => env.close());

  it.each<[string, PriceVariantsRequest, number, string]>([
    [
      'one pair of socks',
      { items: [{ variant_id: DemoVariantIds.socksSmall, quantity: 1 }], region_id: EUROPE },
      1200,
      'default',
    ],
    [
      'three pairs: the quantity tier',
      { items: [{ variant_id: DemoVariantIds.socksSmall, quantity: 3 }], region_id: EUROPE },
      1000,
      'default',
    ],
    [
      'three pairs in yuan',
      { items: [{ variant_id: DemoVariantIds.socksSmall, quantity: 3 }], region_id: CHINA },
      4900,
      'default',
    ],
    [
      'a tee for anyone',
      { items: [{ variant_id: DemoVariantIds.teeSmallWhite, quantity: 1 }], region_id: EUROPE },
      1950,
      'default',
    ],
    [
      'a tee for a VIP: the group price list',
      {
        items: [{ variant_id: DemoVariantIds.teeSmallWhite, quantity: 1 }],
        region_id: EUROPE,
        customer_group_ids: [DEMO_VIP_CUSTOMER_GROUP_ID],
      },
      1500,
      'override',
    ],
    [
      'shorts on sale',
      { items: [{ variant_id: DemoVariantIds.shortsMedium, quantity: 2 }], region_id: EUROPE },
      2900,
      'sale',
    ],
  ])('%s', async (_case, request, unitPrice, type) => {
    const [item] = (await price(request)).items;
    expect(item.pricing).toMatchObject({ calculated_price: unitPrice, calculated_price_type: type });
    expect(item.quantity).toBe(request.items[0].quantity);
  });

  it('returns each variant with its product, for the cart’s line items', async () => {
    const { items } = await price({
      items: [
        { variant_id: DemoVariantIds.giftCardMedium, quantity: 1 },
        { variant_id: DemoVariantIds.mugWhite, quantity: 2 },
      ],
      region_id: EUROPE,
    });
    expect(items.map((item) => item.variant.sku)).toEqual(['GIFT-M', 'MUG-WHI']);
    expect(items[0].variant.product).toMatchObject({
      is_giftcard: true,
      discountable: false,
      title: 'Gift Card',
    });
    expect(items[1].variant.product).toMatchObject({
      handle: 'stoneware-mug',
      thumbnail: expect.stringContaining('stoneware-mug'),
    });
    expect(items[1].pricing).toMatchObject({
      calculated_price: 1300,
      calculated_tax: 260,
      calculated_price_incl_tax: 1560,
    });
    expect(items[1].variant).not.toHaveProperty('prices');
  });

  it.each([
    [{ items: [{ variant_id: 'variant_missing', quantity: 1 }], region_id: EUROPE }, 'not_found'],
    [
      { items: [{ variant_id: DemoVariantIds.mugWhite, quantity: 1 }], region_id: 'reg_missing' },
      'not_found',
    ],
    [{ items: [{ variant_id: DemoVariantIds.mugWhite, quantity: -1 }], region_id: EUROPE }, 'invalid_data'],
    [
      { items: [{ variant_id: DemoVariantIds.mugWhite, quantity: 1, unit_price: 1 }], region_id: EUROPE },
      'invalid_data',
    ],
  ])('refuses %j with %s', async (request, type) => {
    await expect(price(request as PriceVariantsRequest)).rejects.toMatchObject({ type });
  });

  describe('shipping quotes', () => {
    it.each<[string, QuoteShippingOptionRequest, number]>([
      [
        'standard in Europe',
        { option_id: DemoShippingOptionIds.europeStandard, region_id: EUROPE, subtotal: 1950 },
        800,
      ],
      [
        'free from €100',
        { option_id: DemoShippingOptionIds.europeFree, region_id: EUROPE, subtotal: 10000 },
        0,
      ],
      [
        '顺丰速运',
        { option_id: DemoShippingOptionIds.chinaSfExpress, region_id: CHINA, subtotal: 9900 },
        1500,
      ],
    ])('%s', async (_case, request, amount) => {
      const answer = await quote(request);
      expect(answer.price).toBe(amount);
      expect(answer.shipping_option.id).toBe(request.option_id);
    });

    it.each<[string, QuoteShippingOptionRequest, object]>([
      [
        'below a minimum subtotal',
        { option_id: DemoShippingOptionIds.europeFree, region_id: EUROPE, subtotal: 9999 },
        {
          type: 'not_allowed',
          message: "The Cart does not satisfy the shipping option's requirements",
        },
      ],
      [
        'another region’s option',
        { option_id: DemoShippingOptionIds.chinaStandard, region_id: EUROPE, subtotal: 100 },
        {
          type: 'invalid_data',
          message: "The shipping option is not available in the cart's region",
        },
      ],
      [
        'an admin-only option',
        { option_id: DemoShippingOptionIds.europeCourier, region_id: EUROPE, subtotal: 100 },
        { type: 'not_found' },
      ],
      [
        'a return option',
        { option_id: DemoShippingOptionIds.europeReturn, region_id: EUROPE, subtotal: 100 },
        { type: 'not_found' },
      ],
      [
        'an unknown option',
        { option_id: 'so_missing', region_id: EUROPE, subtotal: 100 },
        { type: 'not_found' },
      ],
    ])('refuses %s', async (_case, request, error) => {
      await expect(quote(request)).rejects.toMatchObject(error);
    });
  });
});
