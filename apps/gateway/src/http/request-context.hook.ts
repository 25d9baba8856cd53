import { CORRELATION_HEADER, DomainError, RequestContext, runInRequestContext } from '@app/platform';
import { FastifyInstance, FastifyRequest } from 'fastify';

const IDEMPOTENCY_HEADER = 'idempotency-key';
const VALID_KEY = /^[\w.:-]{1,255}$/;
const WRITES = new Set(['POST', 'DELETE']);

/** The request's Idempotency-Key: only writes carry one; a malformed key is refused, never ignored. */
function idempotencyKeyOf(request: FastifyRequest): string | undefined {
  const key = request.headers[IDEMPOTENCY_HEADER];
  if (key === undefined || !WRITES.has(request.method)) return undefined;
  if (typeof key !== 'string' || !VALID_KEY.test(key)) {
    throw DomainError.invalidData('Idempotency-Key must be 1 to 255 letters, digits, "_", "-", "." or ":"');
  }
  return key;
}

/**
 * Store routes that may act for a signed-in customer (carts, and what is read for a cart): all but
 * auth and customers, whose controllers ask who is signed in themselves.
 */
const CUSTOMER_ROUTES = /^\/store\/(?!auth(\/|\?|$)|customers(\/|\?|$))/;

function hasCredentials(request: FastifyRequest): boolean {
  return (
    Boolean(request.headers.authorization || request.headers.token) ||
    /(^|;\s*)connect\.sid=/.test(request.headers.cookie ?? '')
  );
}

/**
 * Every store request: its correlation id and, for a POST or DELETE, its `Idempotency-Key` go back
 * in the response headers (Medusa's header contract), and the handler runs in a request context
 * holding both — and, on a cart route, the signed-in customer (`customerOf`) — so every command it
 * sends carries them to the owning app.
 */
export function registerRequestContext(
  fastify: FastifyInstance,
  customerOf: (request: FastifyRequest) => Promise<string | undefined> = async () => undefined,
): void {
  fastify.addHook('onRequest', (request, reply, done) => {
    void reply.header(CORRELATION_HEADER, request.id);
    try {
      const key = idempotencyKeyOf(request);
      if (key) void reply.header('Idempotency-Key', key);
      done();
    } catch (error) {
      done(error as Error);
    }
  });
  fastify.addHook('preHandler', (request, _reply, done) => {
    const proceed = (customerId?: string) => {
      const context: RequestContext = {
        correlationId: request.id,
        idempotencyKey: idempotencyKeyOf(request),
        forwardIdempotencyKey: true,
        customerId,
      };
      runInRequestContext(context, done);
    };
    // Only a request with credentials costs a lookup.
    if (!CUSTOMER_ROUTES.test(request.url) || !hasCredentials(request)) return proceed();
    customerOf(request).then(proceed, (error: Error) => done(error));
  });
}
