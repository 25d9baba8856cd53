import { randomUUID } from 'node:crypto';
import { IncomingMessage } from 'node:http';
import { FastifyInstance } from 'fastify';
import { Params } from 'nestjs-pino';
import pino, { destination, DestinationStream, Logger, stdTimeFunctions } from 'pino';
import { PlatformConfig } from '../config/platform-config';
import { currentRequestContext } from '../context/request-context';

export const CORRELATION_HEADER = 'x-correlation-id';
const VALID_CORRELATION_ID = /^[\w.:-]{1,128}$/;

/** The request's correlation id: the caller's `X-Correlation-Id` if sane, else a new one. */
export function correlationIdFor(req: IncomingMessage): string {
  const given = req.headers[CORRELATION_HEADER];
  return typeof given === 'string' && VALID_CORRELATION_ID.test(given) ? given : randomUUID();
}

/**
 * Keys whose values never reach a log line — personal data (emails, phones, addresses, names) and
 * credentials (passwords, tokens, secrets, keys, cookies) — at the top of a line or one level in.
 */
const REDACTED_KEYS = [
  'email',
  'phone',
  'mobile',
  'address_1',
  'address_2',
  'first_name',
  'last_name',
  'password',
  'token',
  'access_token',
  'secret',
  'api_key',
  'authorization',
  'cookie',
];
export const REDACT_PATHS = [
  ...REDACTED_KEYS,
  ...REDACTED_KEYS.map((key) => `*.${key}`),
  'req.headers.authorization',
  'req.headers.cookie',
];

/** The longest URL an access line keeps (a query string of thousands of keys makes no giant line). */
const MAX_LOGGED_URL = 300;

/**
 * A URL as an access line shows it: emails (also percent-encoded) and values of sensitive query
 * parameters masked, and cut to MAX_LOGGED_URL characters.
 */
export function loggedUrl(url: string): string {
  const masked = url
    .replace(/[^/?&=\s]+(?:@|%40)[^/?&=\s]+/gi, '[email]')
    .replace(/([?&](?:token|access_token|password|secret|phone|email)=)[^&]*/gi, '$1[redacted]');
  return masked.length > MAX_LOGGED_URL ? `${masked.slice(0, MAX_LOGGED_URL)}…` : masked;
}

let destinationStream: ReturnType<typeof destination> | undefined;

/**
 * Stdout written asynchronously: lines that pile up while a write is in flight go out together,
 * so a busy app makes far fewer system calls than one write per line. Flushed on shutdown.
 */
function logDestination(): ReturnType<typeof destination> {
  destinationStream ??= destination({ dest: 1, sync: false });
  return destinationStream;
}

/** Writes out every buffered log line (called when the app stops). */
export function flushLogs(): void {
  try {
    destinationStream?.flushSync();
  } catch {
    // nothing buffered, or stdout already closed
  }
}

/**
 * The app's logger: JSON lines (pino) naming the app; a line written while a store request is
 * handled — in the gateway or in any app its commands reach — carries the request's `correlation_id`.
 */
export function createLogger(config: PlatformConfig, stream: DestinationStream = logDestination()): Logger {
  return pino(
    {
      level: config.logLevel,
      base: { app: config.app },
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
      timestamp: stdTimeFunctions.isoTime,
      mixin: (merge) => {
        const context = currentRequestContext();
        return context && !('correlation_id' in merge) ? { correlation_id: context.correlationId } : {};
      },
    },
    stream,
  );
}

/** nestjs-pino on our logger, as Nest's logger; request lines come from `registerAccessLog`. */
export function loggingParams(logger: Logger): Params {
  return { pinoHttp: { logger }, forRoutes: [] };
}

/**
 * One line per HTTP request once its response is sent (probes excepted), from a Fastify hook:
 * cheaper than a per-request child logger, and it never delays the response.
 */
export function registerAccessLog(fastify: FastifyInstance, logger: Logger): void {
  fastify.addHook('onResponse', (request, reply, done) => {
    if (!request.url.startsWith('/health/')) {
      const status = reply.statusCode;
      const level = status >= 500 ? 'error' : status >= 400 ? 'warn' : 'info';
      logger[level](
        {
          correlation_id: request.id,
          req: { method: request.method, url: loggedUrl(request.url) },
          res: { status },
          responseTime: Math.round(reply.elapsedTime),
        },
        'request completed',
      );
    }
    done();
  });
}
