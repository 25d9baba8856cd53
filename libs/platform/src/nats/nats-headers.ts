/** NATS header names that carry a store request's context through every command. */
export const NatsHeaders = {
  correlationId: 'X-Correlation-Id',
  idempotencyKey: 'Idempotency-Key',
  customerId: 'X-Customer-Id',
} as const;
