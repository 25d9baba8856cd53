import { DemoProductIds, DemoProductTypeIds, DemoShippingOptionIds, DemoVariantIds } from '@app/contracts';
import { demoId } from './demo-ids';
import { DEMO_SHIPPING_OPTIONS } from './demo-offers';
import { DEMO_PRODUCTS } from './demo-products';
import { demoIds } from './demo-store.seed';

describe('demo ids', () => {
  it('are stable ULID-shaped ids derived from natural keys', () => {
    expect(demoId('prod', 'classic-tee')).toBe(demoId('prod', 'classic-tee'));
    expect(demoId('prod', 'classic-tee')).toMatch(/^prod_[0-9A-HJKMNP-TV-Z]{26}$/);
    expect(demoId('prod', 'classic-tee')).not.toBe(demoId('prod', 'organic-hoodie'));
  });

  it('published in libs/contracts are the ones the seed writes', () => {
    const handles = new Set(DEMO_PRODUCTS.map((product) => demoIds.product(product.handle)));
    const skus = new Set(
      DEMO_PRODUCTS.flatMap((product) => product.variants.map((variant) => demoIds.variant(variant.sku))),
    );
    const options = new Set(DEMO_SHIPPING_OPTIONS.map((option) => demoIds.shippingOption(option.key)));
    for (const id of Object.values(DemoProductIds)) expect(handles).toContain(id);
    for (const id of Object.values(DemoVariantIds)) expect(skus).toContain(id);
    for (const id of Object.values(DemoShippingOptionIds)) expect(options).toContain(id);
    expect(DemoVariantIds.hoodieLargeNavy).toBe(demoIds.variant('HOOD-L-NAV'));
    expect(DemoShippingOptionIds.chinaSfExpress).toBe(demoIds.shippingOption('cn-sf-express'));
    expect(DemoProductTypeIds.homeware).toBe(demoIds.type('Homeware'));
  });
});
