import {
  DEMO_VIP_CUSTOMER_GROUP_ID,
  DemoCustomerLevels,
  DemoProductIds,
  DemoProductTypeIds,
  DemoRegionIds,
  DemoShippingOptionIds,
  DemoVariantIds,
  IMPORT_SECTIONS,
  ImportCategory,
  ImportCollection,
  ImportPriceList,
  ImportProduct,
  ImportProductTag,
  ImportProductType,
  ImportRegion,
  ImportSection,
  ImportShippingOption,
} from '@app/contracts';
import { percentOf, validatePlain } from '@app/platform';
import { ClassConstructor } from 'class-transformer';
import { demoStoreDocument } from './demo-store.seed';

const ENTRY_TYPES: Record<ImportSection, ClassConstructor<object>> = {
  regions: ImportRegion,
  collections: ImportCollection,
  categories: ImportCategory,
  product_types: ImportProductType,
  product_tags: ImportProductTag,
  products: ImportProduct,
  shipping_options: ImportShippingOption,
  price_lists: ImportPriceList,
};

const document = JSON.parse(demoStoreDocument()) as {
  regions: ImportRegion[];
  product_types: ImportProductType[];
  products: ImportProduct[];
  shipping_options: ImportShippingOption[];
  price_lists: ImportPriceList[];
};

describe('the demo store document', () => {
  it('is a catalog document: known sections, every entry valid', () => {
    expect(Object.keys(document).every((key) => (IMPORT_SECTIONS as readonly string[]).includes(key))).toBe(
      true,
    );
    for (const section of IMPORT_SECTIONS) {
      for (const entry of (document as unknown as Record<string, unknown[]>)[section] ?? []) {
        expect(() => validatePlain(ENTRY_TYPES[section], entry)).not.toThrow();
      }
    }
  });

  it('fixes the ids that storefronts, tests and the other apps refer to', () => {
    const variants = document.products.flatMap((product) => product.variants);
    expect(document.regions.map((region) => region.id)).toEqual(Object.values(DemoRegionIds));
    expect(document.products.map((product) => product.id)).toEqual(
      expect.arrayContaining(Object.values(DemoProductIds)),
    );
    expect(variants.map((variant) => variant.id)).toEqual(
      expect.arrayContaining(Object.values(DemoVariantIds)),
    );
    expect(document.shipping_options.map((option) => option.id)).toEqual(
      expect.arrayContaining(Object.values(DemoShippingOptionIds)),
    );
    expect(document.product_types.find((type) => type.value === 'Homeware')?.id).toBe(
      DemoProductTypeIds.homeware,
    );
    const vip = document.price_lists.find((list) => list.name === 'VIP Members');
    expect(vip?.customer_groups).toEqual([DEMO_VIP_CUSTOMER_GROUP_ID]);
  });

  it("prices every variant but gift cards at each customer level's percentage (seed 004)", () => {
    const regular = document.products
      .filter((product) => !product.is_giftcard)
      .flatMap((product) => product.variants)
      .flatMap((variant) =>
        variant.prices
          .filter((price) => price.currency_code && price.min_quantity === undefined)
          .map((price) => ({ sku: variant.sku, currency_code: price.currency_code!, amount: price.amount })),
      );
    for (const level of DemoCustomerLevels) {
      const list = document.price_lists.find((candidate) =>
        candidate.customer_groups?.includes(level.group_id),
      );
      expect(list).toMatchObject({ type: 'override', status: 'active' });
      expect(list!.prices).toEqual(
        regular.map((price) => ({ ...price, amount: percentOf(price.amount, level.percent) })),
      );
    }
  });
});
