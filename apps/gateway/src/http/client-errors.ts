import { FastifyReply, FastifyRequest } from 'fastify';
import { Socket } from 'node:net';

/**
 * Requests Node's HTTP parser refuses before any route sees them — a header block (URL and query
 * included) past its limit, a malformed request line — answered in Medusa's error shape rather than
 * Fastify's: 431 `invalid_data`, or 400.
 */
export function answerClientError(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy(error);
    return;
  }
  const tooLarge = error.code === 'HPE_HEADER_OVERFLOW';
  const [status, reason] = tooLarge ? [431, 'Request Header Fields Too Large'] : [400, 'Bad Request'];
  const body = JSON.stringify({
    type: 'invalid_data',
    message: tooLarge ? 'The request line and headers are too large' : 'The request is malformed',
  });
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json; charset=utf-8\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}

/**
 * Requests Fastify refuses before routing them, in Medusa's error shape: an id in the path longer
 * than any id can be is not found (404), a URL that cannot be decoded is invalid (400).
 */
export function answerFrameworkError(
  error: Error & { code?: string },
  _request: FastifyRequest,
  reply: FastifyReply,
): void {
  if (error.code === 'FST_ERR_MAX_PARAM_LENGTH') {
    void reply.code(404).send({ type: 'not_found', message: 'No resource has an id that long' });
    return;
  }
  void reply.code(400).send({ type: 'invalid_data', message: 'The request URL is malformed' });
}
