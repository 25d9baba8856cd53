import { httpDuration } from '@app/platform';
import { FastifyInstance } from 'fastify';

/**
 * Times every request the gateway answers into `http_request_duration_seconds`, by the route's
 * pattern (`/store/carts/:id`, so ids do not make new series), method and status.
 */
export function recordHttpMetrics(fastify: FastifyInstance): void {
  fastify.addHook('onResponse', (request, reply, done) => {
    httpDuration.observe(
      {
        app: 'gateway',
        method: request.method,
        route: request.routeOptions.url ?? 'unmatched',
        status: String(reply.statusCode),
      },
      reply.elapsedTime / 1000,
    );
    done();
  });
}
