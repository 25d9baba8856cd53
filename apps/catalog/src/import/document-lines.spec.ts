import { entryLines } from './document-lines';

describe('entryLines', () => {
  it('gives the line each entry of each top-level array starts on', () => {
    const text = [
      '{',
      '  "regions": [{ "name": "Europe", "countries": ["fr", "de"] }],',
      '  "products": [',
      '    {',
      '      "title": "A \\"quoted\\" [title]",',
      '      "variants": [{ "sku": "A-1" }, { "sku": "A-2" }]',
      '    },',
      '',
      '    { "title": "B", "variants": [] }',
      '  ],',
      '  "collections": []',
      '}',
    ].join('\n');
    expect(JSON.parse(text)).toBeDefined();
    const lines = entryLines(text);
    expect(lines.get('regions')).toEqual([2]);
    expect(lines.get('products')).toEqual([4, 9]);
    expect(lines.get('collections')).toEqual([]);
  });
});
