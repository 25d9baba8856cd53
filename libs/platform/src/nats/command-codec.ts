import { DomainErrorBody } from '@app/contracts/common/errors';
import { DomainError, isDomainErrorBody } from '../errors/domain-error';
import { UNKNOWN_ERROR_BODY } from '../errors/http-errors';

/**
 * Nest's NATS wire format, so that a plain nats.js request reaches a `@MessagePattern` handler:
 * the request is `{ pattern, data, id }` and the reply `{ id, response?, err?, isDisposed? }`.
 */
export function encodeCommand(subject: string, id: string, data: unknown): Uint8Array {
  return Buffer.from(JSON.stringify({ pattern: subject, data, id }));
}

/** Returns the reply's `response`, or throws its error as a DomainError. */
export function decodeReply<Reply>(bytes: Uint8Array): Reply {
  let packet: { response?: Reply; err?: unknown };
  try {
    packet = JSON.parse(Buffer.from(bytes).toString('utf8')) as typeof packet;
  } catch {
    throw DomainError.fromBody(UNKNOWN_ERROR_BODY);
  }
  if (packet.err !== undefined && packet.err !== null) {
    throw DomainError.fromBody(remoteErrorBody(packet.err));
  }
  return packet.response as Reply;
}

/** A remote error as a domain error body; Nest's own `{ status, message }` errors become unknown. */
function remoteErrorBody(err: unknown): DomainErrorBody {
  return isDomainErrorBody(err) ? err : UNKNOWN_ERROR_BODY;
}
