import { phoneParts } from './cashier-session-request';

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
