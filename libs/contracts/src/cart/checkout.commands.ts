/** The answer of a checkout, as Medusa stores it with its idempotency key: an HTTP status and body. */
export interface CompleteCartReply {
  status: 200 | 409;
  body:
    | { type: 'order'; data: Record<string, unknown> }
    | { type: 'swap'; data: Record<string, unknown> }
    | { type: 'cart'; data: Record<string, unknown>; payment_status: 'requires_more' | 'pending' }
    | { errors: { message: string; type: 'not_allowed'; code: 'insufficient_inventory' }[] };
}
