import { httpErrorFor } from '@app/platform';
import { cashierError } from './cashier-errors';

describe('cashierError', () => {
  it.each([
    ['1004', 400, 'invalid_data'],
    ['4010', 400, 'not_allowed'],
    ['1001', 500, 'unexpected_state'],
    ['9999', 500, 'unexpected_state'],
  ])('cashier code %s is a %i %s, with our message and the code kept', (code, status, type) => {
    const error = cashierError(400, code, 'amount must be a positive integer in minor units');
    expect(httpErrorFor(error)).toMatchObject({ status, body: { type, code: `cashier_${code}` } });
    expect(error.message).not.toContain('minor units');
  });
});
