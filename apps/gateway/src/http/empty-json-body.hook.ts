import { FastifyInstance } from 'fastify';

/**
 * A POST that says `Content-Type: application/json` but sends no body is a request without a body,
 * as Medusa (Express) takes it — not a 400. Storefronts do send that, e.g. to create payment
 * sessions. Other malformed JSON still gets its 400.
 */
export function acceptEmptyJsonBodies(fastify: FastifyInstance): void {
  fastify.addHook('onRequest', (request, _reply, done) => {
    const type = request.headers['content-type'];
    if (request.headers['content-length'] === '0' && type?.toLowerCase().startsWith('application/json')) {
      delete request.headers['content-type'];
    }
    done();
  });
}
