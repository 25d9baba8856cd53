import { ArgumentMetadata } from '@nestjs/common';
import { ListRegionsQuery } from '@app/contracts';
import { DomainError } from '../errors/domain-error';
import { createValidationPipe, validatePlain } from './validation';

const query: ArgumentMetadata = { type: 'query', metatype: ListRegionsQuery };

async function validationError(value: unknown): Promise<DomainError> {
  try {
    await createValidationPipe().transform(value, query);
  } catch (error) {
    return error as DomainError;
  }
  throw new Error('expected a validation error');
}

describe('validation, as Medusa validates', () => {
  it('converts query strings to the DTO types', async () => {
    const parsed = (await createValidationPipe().transform(
      { limit: '10', offset: '5', created_at: { gt: '2024-01-01' } },
      query,
    )) as ListRegionsQuery;
    expect(parsed.limit).toBe(10);
    expect(parsed.offset).toBe(5);
    expect(parsed.created_at?.gt).toEqual(new Date('2024-01-01'));
  });

  it.each([
    [{ foo: '1' }, 'property foo should not exist'],
    [{ limit: '1001' }, 'limit must not be greater than 1000'],
    [{ offset: '-1' }, 'offset must not be less than 0'],
    [{ limit: 'ten' }, 'limit must be an integer number'],
    [{ created_at: { gt: 'not a date' } }, 'gt must be a Date instance'],
    [{ created_at: { between: '2024-01-01' } }, 'property between should not exist'],
    [{ created_at: 'yesterday' }, 'nested property created_at must be either object or array'],
  ])('%j → invalid_data containing "%s"', async (value, message) => {
    const error = await validationError(value);
    expect(error).toBeInstanceOf(DomainError);
    expect(error.type).toBe('invalid_data');
    expect(error.message).toContain(message);
  });

  it('joins the messages of several properties with commas, as Medusa does', async () => {
    const error = await validationError({ foo: '1', bar: '2' });
    expect(error.message).toBe('property foo should not exist,property bar should not exist');
  });

  it('validatePlain applies the same rules outside Nest', () => {
    expect(() => validatePlain(ListRegionsQuery, { limit: 5000 })).toThrow(
      'limit must not be greater than 1000',
    );
  });
});
