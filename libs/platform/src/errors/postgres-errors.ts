import { QueryFailedError } from 'typeorm';
import { DomainError } from './domain-error';
import { ServiceUnavailableError } from './transport-errors';

const CONNECTION_ERROR_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND']);

/**
 * Maps a Postgres failure as Medusa's `formatException` does (unique → duplicate_error, foreign key →
 * not_found, not-null → invalid_data, serialization → conflict); a lost connection is "unavailable,
 * retry"; anything else a `database_error` without the driver's text, which may leak internals.
 * Returns undefined for errors that do not come from Postgres.
 */
export function errorFromPostgres(error: unknown): DomainError | ServiceUnavailableError | undefined {
  const source = error instanceof QueryFailedError ? error.driverError : error;
  const code = (source as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && CONNECTION_ERROR_CODES.has(code)) {
    return new ServiceUnavailableError('database', code);
  }
  if (source instanceof Error && /Connection terminated|connection timeout/i.test(source.message)) {
    return new ServiceUnavailableError('database', source.message);
  }
  if (typeof code !== 'string' || !/^[0-9A-Z]{5}$/.test(code)) return undefined;
  const detail = (source as { detail?: string }).detail;
  switch (code) {
    case '23505':
      return new DomainError('duplicate_error', detail ?? 'A record with these values already exists.');
    case '23503':
      return DomainError.notFound(detail ?? 'A referenced record does not exist.');
    case '23502': {
      const column = (source as { column?: string }).column ?? 'a field';
      return DomainError.invalidData(`Can't insert null value in field ${column}`);
    }
    case '40001':
    case '40P01':
      return DomainError.conflict('The request conflicted with another request.');
    default:
      return code.startsWith('08') || code.startsWith('57P')
        ? new ServiceUnavailableError('database', code)
        : new DomainError('database_error', 'The database could not complete the request.');
  }
}
