import { randomUUID } from 'node:crypto';
import { IncomingMessage } from 'node:http';
import { Params } from 'nestjs-pino';
import { destination, stdTimeFunctions } from 'pino';
import { PlatformConfig } from '../config/platform-config';
import { currentRequestContext } from '../context/request-context';

export const CORRELATION_HEADER = 'x-correlation-id';
const VALID_CORRELATION_ID = /^[\w.:-]{1,128}$/;

/** The request's correlation id: the caller's `X-Correlation-Id` if sane, else a new one. */
export function correlationIdFor(req: IncomingMessage): string {
  const given = req.headers[CORRELATION_HEADER];
  return typeof given === 'string' && VALID_CORRELATION_ID.test(given) ? given : randomUUID();
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

/** Kubernetes probes are not worth a log line each. */
function isHealthProbe(req: IncomingMessage): boolean {
  const url = (req as IncomingMessage & { originalUrl?: string }).originalUrl ?? req.url ?? '';
  return url.startsWith('/health/');
}

/**
 * Structured JSON logs (pino): every line names its app; lines written while handling a store
 * request — in the gateway or in any app a command reached — carry its `correlation_id`.
 */
export function loggingParams(config: PlatformConfig): Params {
  return {
    pinoHttp: [
      {
        level: config.logLevel,
        base: { app: config.app },
        timestamp: stdTimeFunctions.isoTime,
        quietReqLogger: true,
        customAttributeKeys: { reqId: 'correlation_id' },
        mixin: (_merge, _level, logger) => {
          const context = currentRequestContext();
          if (!context || 'correlation_id' in logger.bindings()) return {};
          return { correlation_id: context.correlationId };
        },
        autoLogging: { ignore: isHealthProbe },
        serializers: {
          req: (req: { method?: string; url?: string }) => ({ method: req.method, url: req.url }),
          res: (res: { statusCode?: number }) => ({ status: res.statusCode }),
        },
      },
      logDestination(),
    ],
  };
}
