import { Logger } from '@nestjs/common';
import { NatsContext, ServerNats } from '@nestjs/microservices';
import { randomUUID } from 'node:crypto';
import { ErrorCode, NatsConnection, NatsError, Subscription } from 'nats';
import { Observable } from 'rxjs';
import { PlatformConfig } from '../config/platform-config';
import { currentRequestContext, RequestContext, runInRequestContext } from '../context/request-context';
import { DomainError } from '../errors/domain-error';
import { commandDuration } from '../metrics/metrics';
import { InFlightTracker } from './in-flight';
import { NatsHeaders } from './nats-headers';
import { Backoff } from '../bootstrap/backoff';
import { connectUntilStopped } from './connect-until-stopped';
import { natsConnectionOptions } from './nats-options';
import { endSpan, extractTraceContext, SpanKind, startSpan, withActiveSpan } from '../tracing/tracing';
import { Span } from '@opentelemetry/api';

type Publish = (packet: { isDisposed?: boolean; err?: unknown }) => unknown;

/** A command's request context, plus the end of its in-flight accounting. */
interface CommandContext extends RequestContext {
  settle: () => void;
  /** The command's subject and when its handling began, for `command_duration_seconds`. */
  subject: string;
  startedAt: bigint;
  /** The command's span, continuing the caller's trace (when tracing is on). */
  span?: Span;
}

const TOO_LARGE = DomainError.invalidData(
  'The reply is too large to send. Ask for less (a lower limit, fewer relations or fields).',
  'reply_too_large',
);

function isPayloadTooLarge(error: unknown): boolean {
  return error instanceof NatsError && error.code === ErrorCode.MaxPayloadExceeded;
}

/**
 * Nest's NATS transport with what every app needs on top: a queue group per app (replicas share
 * the load), the caller's correlation id, idempotency key and customer as the handler's request context, and
 * a graceful stop — unsubscribe (take no new work), wait for in-flight handlers up to the grace
 * period, then drain the connection so their replies are flushed.
 */
export class CommandServer extends ServerNats {
  private readonly inFlight = new InFlightTracker();
  private readonly replyLogger = new Logger(CommandServer.name);
  private readonly ownSubscriptions: Subscription[] = [];
  private connection?: NatsConnection;
  private listening = false;
  private stopped = false;

  constructor(private readonly config: PlatformConfig) {
    super({ ...natsConnectionOptions(config, 'server'), queue: config.app, gracefulShutdown: false });
    this.setOnProcessingStartHook((_transport, context, done) => {
      const headers = (context as NatsContext).getHeaders?.();
      const settle = this.inFlight.begin();
      const subject = (context as NatsContext).getSubject?.() ?? 'unknown';
      const span = startSpan(
        `${subject} process`,
        SpanKind.SERVER,
        { 'messaging.system': 'nats', 'messaging.destination.name': subject, 'checkout.app': config.app },
        extractTraceContext((key) => headers?.get(key) || undefined),
      );
      const requestContext: CommandContext = {
        correlationId: headers?.get(NatsHeaders.correlationId) || randomUUID(),
        idempotencyKey: headers?.get(NatsHeaders.idempotencyKey) || undefined,
        customerId: headers?.get(NatsHeaders.customerId) || undefined,
        settle,
        subject,
        startedAt: process.hrtime.bigint(),
        span,
      };
      return withActiveSpan(span, () =>
        runInRequestContext(requestContext, () =>
          (done() as Promise<unknown>).catch((error: unknown) => {
            settle();
            endSpan(span, error);
            throw error;
          }),
        ),
      );
    });
  }

  /** Whether the server is connected and subscribed to its subjects. */
  isListening(): boolean {
    return this.listening && !!this.connection && !this.connection.isClosed();
  }

  /** Commands being handled right now. */
  inFlightCount(): number {
    return this.inFlight.size;
  }

  override async createNatsClient(): Promise<NatsConnection> {
    const connection = await connectUntilStopped(
      natsConnectionOptions(this.config, 'server'),
      () => this.stopped,
      new Backoff(this.config.startupRetryMinMs, this.config.startupRetryMaxMs),
    );
    if (!connection) throw new Error('the app stopped before NATS was reached');
    this.connection = connection;
    return connection;
  }

  /** Subscribes, then waits until the server has the subscriptions, so "ready" means reachable. */
  override start(callback: (error?: unknown) => void): void {
    this.bindEvents(this.connection as NatsConnection);
    (this.connection as NatsConnection).flush().then(() => callback(), callback);
  }

  override bindEvents(client: NatsConnection): void {
    const queue = this.config.app;
    for (const [subject, handler] of this.messageHandlers) {
      const subscription = client.subscribe(subject, {
        queue: (handler.extras?.queue as string | undefined) ?? queue,
        callback: this.getMessageHandler(subject).bind(this) as never,
      });
      this.ownSubscriptions.push(subscription);
    }
    this.listening = true;
  }

  /** Our subjects are plain strings: skip Nest's attempt to parse each one as a JSON pattern. */
  override getRouteFromPattern(pattern: string): string {
    return pattern.startsWith('{') ? super.getRouteFromPattern(pattern) : pattern;
  }

  /**
   * Replies, making sure a reply that cannot be sent never crashes the app: one larger than NATS
   * accepts becomes an `invalid_data` error for the caller (ask for less), anything else is logged.
   */
  override send(stream$: Observable<unknown>, respond: Publish) {
    const command = currentRequestContext() as CommandContext | undefined;
    const settle = command?.settle;
    return super.send(stream$, async (packet) => {
      if (packet.isDisposed && command?.subject) this.observe(command, packet.err);
      try {
        return await respond(packet);
      } catch (error) {
        if (isPayloadTooLarge(error) && !('err' in packet && packet.err)) {
          return respond({ err: TOO_LARGE.toBody(), isDisposed: true });
        }
        this.replyLogger.error(
          `Could not send a reply: ${error instanceof Error ? error.message : String(error)}`,
        );
      } finally {
        if (packet.isDisposed) settle?.();
      }
    });
  }

  /** Times the command, with its outcome: `ok`, or the type of the error it answered. */
  private observe(command: CommandContext, error: unknown): void {
    const outcome = error ? String((error as { type?: unknown }).type ?? 'error') : 'ok';
    const seconds = Number(process.hrtime.bigint() - command.startedAt) / 1e9;
    commandDuration.observe({ app: this.config.app, subject: command.subject, outcome }, seconds);
    endSpan(command.span, error, { 'checkout.outcome': outcome });
  }

  override async close(): Promise<void> {
    this.stopped = true;
    this.listening = false;
    for (const subscription of this.ownSubscriptions.splice(0)) subscription.unsubscribe();
    await this.inFlight.whenIdle(this.config.natsGracePeriodMs);
    const connection = this.connection;
    this.connection = undefined;
    if (connection && !connection.isClosed()) {
      await connection.drain().catch(() => connection.close());
    }
    await super.close();
  }
}
