import { regionCountQuery, regionPageQuery } from './region.queries';

describe('region listing SQL', () => {
  it('pages live regions oldest first', () => {
    const query = regionPageQuery({}, 20, 10);
    expect(query.text).toMatch(
      /WHERE r\.deleted_at IS NULL\s+ORDER BY r\.created_at, r\.id LIMIT \$1 OFFSET \$2/,
    );
    expect(query.values).toEqual([10, 20]);
  });

  it('binds every date bound as a parameter, never as SQL text', () => {
    const from = new Date('2024-01-01');
    const to = new Date('2025-01-01');
    const query = regionPageQuery({ created_at: { gte: from }, updated_at: { lt: to } }, 0, 5);
    expect(query.text).toContain('r.created_at >= $1 AND r.updated_at < $2');
    expect(query.values).toEqual([from, to, 5, 0]);
    expect(regionCountQuery({ created_at: { gte: from } })).toEqual({
      text: 'SELECT count(*)::int AS count FROM catalog.region r WHERE r.deleted_at IS NULL AND r.created_at >= $1',
      values: [from],
    });
  });
});
