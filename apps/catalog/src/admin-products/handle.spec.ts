import { handleOf } from './handle';

describe('handleOf', () => {
  it('spells a Latin title as lower-case words joined by hyphens, accents dropped', () => {
    expect(handleOf('Classic Tee', 'prod_1')).toBe('classic-tee');
    expect(handleOf('  Crème brûlée — 2 pcs! ', 'prod_1')).toBe('creme-brulee-2-pcs');
    expect(handleOf('Straße', 'prod_1')).toBe('stra-e');
  });

  it('keeps titles in other scripts apart by the record’s id', () => {
    expect(handleOf('紫砂壶', 'prod_01JABC')).toBe('prod-01jabc');
    expect(handleOf('宜兴紫砂壶', 'prod_01JABD')).toBe('prod-01jabd');
    expect(handleOf('Yixing 紫砂壶', 'prod_01JABC')).toBe('yixing-prod-01jabc');
    expect(handleOf('!!!', 'pcol_9')).toBe('pcol-9');
  });
});
