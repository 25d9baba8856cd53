import { Logger } from '@nestjs/common';
import { DomainErrorType } from '@app/contracts';
import { DomainError } from '@app/platform';

/**
 * The cashier's response codes as Medusa's error types: what the shopper is told is ours, and the
 * cashier's own code and description go to the log (they name our merchant set-up, never the
 * shopper's business). Unknown codes are the cashier's trouble: `unexpected_state`.
 */
const MEANINGS: Record<string, [DomainErrorType, string]> = {
  // Signature, merchant: our credentials or set-up.
  '1001': ['unexpected_state', 'The payment provider did not accept the shop’s credentials'],
  '1002': ['unexpected_state', 'The payment provider does not know this shop'],
  // Missing or bad parameters: what we sent about the payment.
  '1003': ['invalid_data', 'The payment provider refused the payment’s details'],
  '1004': ['invalid_data', 'The payment provider refused the payment’s amount'],
  '1005': ['invalid_data', 'The payment provider refused the payment’s details'],
  '1006': ['invalid_data', 'The payment provider refused the payment’s details'],
  // A transaction id reused for another amount, or an operation its state does not allow.
  '4009': ['unexpected_state', 'The payment provider holds this payment for another amount'],
  '4010': ['not_allowed', 'The payment provider does not allow this on the payment now'],
};

const logger = new Logger('CashierProvider');

/** The error to answer for a cashier error `code` (`description` is logged, not shown). */
export function cashierError(status: number, code: string, description: string): DomainError {
  logger.warn(`cashier answered ${status} ${code}: ${description}`);
  const [type, message] = MEANINGS[code] ?? [
    'unexpected_state',
    'The payment provider could not handle the request',
  ];
  return new DomainError(type, message, `cashier_${code}`);
}
