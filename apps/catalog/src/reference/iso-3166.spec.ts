import { countries } from './iso-3166';

describe('ISO 3166-1 countries', () => {
  const rows = countries();

  it('lists every country once, by alpha-2, alpha-3 and numeric code', () => {
    expect(rows).toHaveLength(249);
    for (const column of [0, 1, 2] as const) {
      expect(new Set(rows.map((row) => row[column])).size).toBe(rows.length);
    }
    for (const [iso2, iso3, numeric, name] of rows) {
      expect(iso2).toMatch(/^[a-z]{2}$/);
      expect(iso3).toMatch(/^[a-z]{3}$/);
      expect(numeric).toBeGreaterThan(0);
      expect(name.length).toBeGreaterThan(1);
      expect(name).not.toBe(iso2.toUpperCase());
    }
  });

  it('names countries in English, as the store did before', () => {
    const byCode = new Map(rows.map((row) => [row[0], row]));
    expect(byCode.get('us')).toEqual(['us', 'usa', 840, 'United States']);
    expect(byCode.get('cz')).toEqual(['cz', 'cze', 203, 'Czech Republic']);
    expect(byCode.get('hk')).toEqual(['hk', 'hkg', 344, 'Hong Kong']);
    expect(byCode.get('br')).toEqual(['br', 'bra', 76, 'Brazil']);
    expect(byCode.get('ke')).toEqual(['ke', 'ken', 404, 'Kenya']);
  });
});
