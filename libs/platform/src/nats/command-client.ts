import { Inject, Injectable } from '@nestjs/common';
import { Command, ReplyOf, RequestOf } from '@app/contracts/common/command';
import { headers as natsHeaders } from 'nats';
import { PLATFORM_CONFIG } from '../config/config.tokens';
import { PlatformConfig } from '../config/platform-config';
import { currentRequestContext } from '../context/request-context';
import { assertNoTransaction } from '../database/transaction-guard';
import { decodeReply, encodeCommand } from './command-codec';
import { NatsConnectionService } from './nats-connection.service';
import { NatsHeaders } from './nats-headers';
import { endSpan, injectTraceContext, SpanKind, startSpan, withActiveSpan } from '../tracing/tracing';

export interface CommandOptions {
  /** Overrides the default budget (`COMMAND_TIMEOUT_MS`). */
  timeoutMs?: number;
  /** The command's idempotency key (at the edge, the store request's key is sent by default). */
  idempotencyKey?: string;
}

/**
 * Sends a command and waits for its reply, always within a time budget. The current request's
 * correlation id travels in NATS headers, and an idempotency key when one is given (or, at the edge,
 * the store request's). Outcomes: the reply; the handler's
 * DomainError; CommandTimeoutError (the command may still take effect: retry with the same key);
 * ServiceUnavailableError (no app listens, or NATS is unreachable: nothing happened). Refused
 * outright inside a database transaction (where transactions are marked: development and tests).
 */
@Injectable()
export class CommandClient {
  private sequence = 0;

  constructor(
    private readonly nats: NatsConnectionService,
    @Inject(PLATFORM_CONFIG) private readonly config: PlatformConfig,
  ) {}

  async request<C extends Command<unknown, unknown>>(
    command: C,
    payload: RequestOf<C>,
    options: CommandOptions = {},
  ): Promise<ReplyOf<C>> {
    assertNoTransaction(`The command ${command.subject}`);
    const timeout = options.timeoutMs ?? this.config.commandTimeoutMs;
    const headers = natsHeaders();
    const context = currentRequestContext();
    if (context) headers.set(NatsHeaders.correlationId, context.correlationId);
    const idempotencyKey =
      options.idempotencyKey ?? (context?.forwardIdempotencyKey ? context.idempotencyKey : undefined);
    if (idempotencyKey) headers.set(NatsHeaders.idempotencyKey, idempotencyKey);
    if (context?.customerId) headers.set(NatsHeaders.customerId, context.customerId);
    const id = `${this.config.app}-${process.pid}-${(this.sequence += 1)}`;
    const span = startSpan(`${command.subject} send`, SpanKind.CLIENT, {
      'messaging.system': 'nats',
      'messaging.destination.name': command.subject,
      'checkout.app': this.config.app,
    });
    try {
      withActiveSpan(span, () => injectTraceContext((key, value) => headers.set(key, value)));
      const reply = await this.nats.request(
        command.subject,
        encodeCommand(command.subject, id, payload),
        headers,
        timeout,
      );
      const decoded = decodeReply<ReplyOf<C>>(reply.data);
      endSpan(span);
      return decoded;
    } catch (error) {
      endSpan(span, error);
      throw error;
    }
  }
}
