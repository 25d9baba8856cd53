import { currentRequestContext, DomainError } from '@app/platform';
import Fastify from 'fastify';
import { registerRequestContext } from './request-context.hook';

async function server() {
  const fastify = Fastify({ genReqId: () => 'req-1' });
  registerRequestContext(fastify);
  fastify.setErrorHandler((error, _request, reply) => {
    void reply.status(error instanceof DomainError ? 400 : 500).send({ message: (error as Error).message });
  });
  const echo = async () => currentRequestContext() ?? null;
  fastify.post('/write', echo);
  fastify.delete('/write', echo);
  fastify.get('/read', echo);
  await fastify.ready();
  return fastify;
}

describe('the gateway request context', () => {
  it.each(['POST', 'DELETE'] as const)(
    'a %s carries its Idempotency-Key to the commands it sends, and echoes it',
    async (method) => {
      const fastify = await server();
      const response = await fastify.inject({
        method,
        url: '/write',
        headers: { 'idempotency-key': 'key-7' },
      });
      expect(response.json()).toEqual({
        correlationId: 'req-1',
        idempotencyKey: 'key-7',
        forwardIdempotencyKey: true,
      });
      expect(response.headers['idempotency-key']).toBe('key-7');
      expect(response.headers['x-correlation-id']).toBe('req-1');
    },
  );

  it('a GET never does (reads need no key)', async () => {
    const fastify = await server();
    const response = await fastify.inject({
      method: 'GET',
      url: '/read',
      headers: { 'idempotency-key': 'key-7' },
    });
    expect(response.json()).toEqual({ correlationId: 'req-1', forwardIdempotencyKey: true });
    expect(response.headers['idempotency-key']).toBeUndefined();
  });

  it('a malformed key is refused before anything runs', async () => {
    const fastify = await server();
    const response = await fastify.inject({
      method: 'POST',
      url: '/write',
      headers: { 'idempotency-key': 'x'.repeat(256) },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().message).toContain('Idempotency-Key must be');
  });
});
