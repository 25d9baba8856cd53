import { RequestContext, runInRequestContext } from '@app/platform';
import { FastifyInstance } from 'fastify';

const IDEMPOTENCY_KEY = /^[\w.:-]{1,255}$/;

/**
 * Runs each store request's handler in a request context holding its correlation id (the
 * request id every log line of the request carries) and its `Idempotency-Key`, so every command it
 * sends carries both. A Fastify preHandler hook: it runs after the body is read, right before the
 * handler, and costs less than a Nest interceptor.
 */
export function registerRequestContext(fastify: FastifyInstance): void {
  fastify.addHook('preHandler', (request, _reply, done) => {
    const key = request.headers['idempotency-key'];
    const context: RequestContext = {
      correlationId: request.id,
      idempotencyKey: typeof key === 'string' && IDEMPOTENCY_KEY.test(key) ? key : undefined,
    };
    runInRequestContext(context, done);
  });
}
