import { preferredLocale } from './accept-language';

describe('preferredLocale', () => {
  it.each([
    ['zh-cn', 'zh-CN'],
    ['de-DE,de;q=0.9,en;q=0.8', 'de-DE'],
    ['en;q=0.5, fr-CA', 'fr-CA'],
    ['en-US;q=0.8, nl;q=0.8', 'en-US'],
    ['zh-Hant-TW', 'zh-Hant-TW'],
    ['*', undefined],
    ['fr;q=0', undefined],
    ['not a language!', undefined],
    [undefined, undefined],
  ])('%s → %s', (header, locale) => {
    expect(preferredLocale(header)).toBe(locale);
  });
});
