import { goodsFactsOf, phoneParts } from './cashier-session-request';

describe('goodsFactsOf', () => {
  it('takes the first category, else the type, as the category, and the collection as the brand', () => {
    const facts = goodsFactsOf([
      {
        id: 'prod_a',
        categories: [{ name: 'Accessories' }, { name: 'Staff Picks' }],
        type: { value: 'Accessory' },
        collection: { title: 'Summer Essentials' },
      },
      { id: 'prod_b', categories: [], type: { value: 'Tea' }, collection: null },
      { id: 'prod_c', type: null },
    ]);
    expect(Object.fromEntries(facts)).toEqual({
      prod_a: { category: 'Accessories', brand: 'Summer Essentials' },
      prod_b: { category: 'Tea' },
      prod_c: {},
    });
  });
});

describe('phoneParts', () => {
  it('splits the country code written apart from the number', () => {
    expect(phoneParts('+31 20 555 0101')).toEqual({ area_code: '+31', phone_number: '20 555 0101' });
    expect(phoneParts('+86-13912344768')).toEqual({ area_code: '+86', phone_number: '13912344768' });
  });

  it('sends a number it cannot split whole, and nothing for none', () => {
    expect(phoneParts('+8613912344768')).toEqual({ phone_number: '+8613912344768' });
    expect(phoneParts('020 555 0101')).toEqual({ phone_number: '020 555 0101' });
    expect(phoneParts(null)).toEqual({});
    expect(phoneParts('')).toEqual({});
  });
});
