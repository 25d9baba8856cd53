import { QueryFailedError } from 'typeorm';
import { DomainError } from './domain-error';
import { errorFromPostgres } from './postgres-errors';
import { ServiceUnavailableError } from './transport-errors';

function pgError(fields: Record<string, string>): Error {
  return Object.assign(new Error('driver message with internals'), fields);
}

describe('errorFromPostgres maps as Medusa formatException does', () => {
  it.each([
    ['23505', 'duplicate_error'],
    ['23503', 'not_found'],
    ['23502', 'invalid_data'],
    ['40001', 'conflict'],
    ['40P01', 'conflict'],
    ['42P01', 'database_error'],
  ])('SQLSTATE %s → %s', (code, type) => {
    const mapped = errorFromPostgres(new QueryFailedError('SELECT 1', [], pgError({ code })));
    expect(mapped).toBeInstanceOf(DomainError);
    expect((mapped as DomainError).type).toBe(type);
  });

  it('uses the detail of a unique violation, never the driver message', () => {
    const mapped = errorFromPostgres(pgError({ code: '23505', detail: 'Key (id)=(x) already exists.' }));
    expect(mapped?.message).toBe('Key (id)=(x) already exists.');
    const other = errorFromPostgres(pgError({ code: '42P01' }));
    expect(other?.message).not.toContain('internals');
  });

  it.each(['ECONNREFUSED', 'ECONNRESET', '57P01', '08006'])('%s means unavailable, retry later', (code) => {
    expect(errorFromPostgres(pgError({ code }))).toBeInstanceOf(ServiceUnavailableError);
  });

  it('ignores errors that do not come from Postgres', () => {
    expect(errorFromPostgres(new TypeError('x'))).toBeUndefined();
  });
});
