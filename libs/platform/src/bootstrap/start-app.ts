import { DynamicModule, Logger as NestLogger, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { FastifyServerOptions } from 'fastify';
import { AddressInfo } from 'node:net';
import { Logger } from 'nestjs-pino';
import { APP_LOGGER, PLATFORM_CONFIG } from '../config/config.tokens';
import { correlationIdFor, registerAccessLog } from '../logging/logging';
import { PlatformConfig } from '../config/platform-config';
import { ErrorFilter } from '../errors/error.filter';
import { DatabaseBootstrap } from '../database/database-bootstrap.service';
import { createValidationPipe } from '../validation/validation';
import { installTracingFromEnv } from '../tracing/tracing';
import { PlatformRuntime } from './platform-runtime';

export interface StartOptions {
  /** Options of the Fastify instance (the gateway's query parser, body limit). */
  fastify?: FastifyServerOptions;
  /** Extra setup before the app listens (the gateway's CORS, filters, interceptors). */
  configure?: (app: NestFastifyApplication) => void | Promise<void>;
  /** Keep each request's body bytes as `request.rawBody` (signed provider notifications). */
  rawBody?: boolean;
  /** Stop gracefully on SIGTERM / SIGINT (processes; not in-process tests). */
  handleSignals?: boolean;
}

export interface StartedApp {
  app: NestFastifyApplication;
  config: PlatformConfig;
  /** The HTTP port actually bound (useful when configured as 0). */
  port: number;
  url: string;
  /** Resolves when Postgres is migrated and NATS is serving: readiness turns green. */
  ready: Promise<void>;
  close(): Promise<void>;
}

/**
 * Boots one app as a hybrid Nest app: HTTP first (health, and the store API in the gateway), so the
 * app can report "not ready" while it waits; then, in the background, its database (created,
 * migrated, seeded), its NATS connection, outbox relay and event consumers, and its command server. Closing stops taking commands, lets in-flight
 * ones finish, drains NATS, closes HTTP, then the database pool.
 */
export async function startApp(
  module: Type | DynamicModule,
  options: StartOptions = {},
): Promise<StartedApp> {
  const adapter = new FastifyAdapter({ genReqId: correlationIdFor, ...options.fastify });
  const app = await NestFactory.create<NestFastifyApplication>(module, adapter, {
    bufferLogs: true,
    abortOnError: false,
    rawBody: options.rawBody ?? false,
  });
  app.useLogger(app.get(Logger));
  app.flushLogs();
  const config = app.get<PlatformConfig>(PLATFORM_CONFIG);
  // Traces by OTLP when OTEL_EXPORTER_OTLP_ENDPOINT is set (once per process).
  installTracingFromEnv(config.app);
  const runtime = app.get(PlatformRuntime);
  const server = runtime.commandServer;
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ErrorFilter());
  registerAccessLog(app.getHttpAdapter().getInstance(), app.get(APP_LOGGER));
  await options.configure?.(app);
  if (server) app.connectMicroservice({ strategy: server }, { inheritAppConfig: true });
  if (options.handleSignals) app.enableShutdownHooks();
  await app.listen(config.httpPort, config.host);
  const port = (app.getHttpServer().address() as AddressInfo).port;
  const logger = new NestLogger('Bootstrap');
  logger.log(`${config.app} listening on port ${port}`);

  const ready = (async () => {
    const nats = runtime.nats.start();
    await runtime.database?.start();
    await nats;
    runtime.relay?.start();
    await runtime.consumers?.start();
    if (server) await app.startAllMicroservices();
    logger.log(`${config.app} ready`);
  })();
  ready.catch((error: unknown) => logger.error(`${config.app} failed to start: ${String(error)}`));

  return { app, config, port, url: `http://127.0.0.1:${port}`, ready, close: () => app.close() };
}

/**
 * The `main.ts` of every app: build the root module (which reads the configuration), start, stop
 * gracefully on SIGTERM / SIGINT, and exit with a plain message, not a stack, when the
 * configuration is invalid or the app cannot start.
 */
export function runApp(createModule: () => Type | DynamicModule, options: StartOptions = {}): void {
  const exitWith = (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  };
  // `main.js --migrate`: migrate the app's schema (and bring its configured rows in line), then exit.
  const migrateOnly = process.argv.includes('--migrate');
  if (migrateOnly) process.env.MIGRATE_ON_START = 'true';
  try {
    startApp(createModule(), { ...options, handleSignals: true })
      .then((started) => (migrateOnly ? migrateAndExit(started) : started.ready.catch(exitWith)))
      .catch(exitWith);
  } catch (error) {
    exitWith(error);
  }
}

/** Waits for the app's database to be migrated, then stops the app (an app without one has nothing to do). */
async function migrateAndExit(started: StartedApp): Promise<void> {
  let bootstrap: DatabaseBootstrap | undefined;
  try {
    bootstrap = started.app.get(DatabaseBootstrap, { strict: false });
  } catch {
    bootstrap = undefined;
  }
  await bootstrap?.start();
  process.stdout.write(`${started.config.app}: ${bootstrap ? 'migrated' : 'no database to migrate'}\n`);
  await started.close();
  process.exit(0);
}
