import { DynamicModule, Global, Module, Provider, Type } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { TerminusModule } from '@nestjs/terminus';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';
import { PlatformRuntime } from './bootstrap/platform-runtime';
import { AppName } from './config/app-name';
import { APP_LOGGER, PLATFORM_CONFIG } from './config/config.tokens';
import { loadPlatformConfig, PlatformConfig } from './config/platform-config';
import { dataSourceOptions } from './database/data-source-options';
import { DatabaseBootstrap } from './database/database-bootstrap.service';
import { PreparedStatements } from './database/prepared-statements.service';
import { DATABASE_OPTIONS, DatabaseOptions } from './database/database-options';
import { EventConsumers } from './events/event-consumers.service';
import { Outbox } from './events/outbox';
import { OutboxRelay } from './events/outbox-relay.service';
import { HealthController } from './health/health.controller';
import { MetricsController } from './health/metrics.controller';
import { DatabaseMetrics } from './metrics/database-metrics.service';
import { countStatements } from './database/statement-counter';
import { markTransactions } from './database/transaction-guard';
import { NatsHealthIndicator } from './health/nats.health';
import { PostgresHealthIndicator } from './health/postgres.health';
import { Idempotency } from './idempotency/idempotency.service';
import { LogFlushOnShutdown } from './logging/log-flush';
import { createLogger, loggingParams } from './logging/logging';
import { CommandClient } from './nats/command-client';
import { CommandServer } from './nats/command-server';
import { NatsConnectionService } from './nats/nats-connection.service';

export interface PlatformOptions {
  app: AppName;
  /** The app answers commands over NATS (every app but the gateway). */
  servesCommands: boolean;
  /** The app owns a schema. */
  database?: DatabaseOptions;
  /** Environment to read instead of `process.env` (tests). */
  env?: Record<string, string | undefined>;
}

/**
 * Everything an app gets from the platform: validated config, JSON logging, the NATS command
 * client (and server), its database with migrations, idempotent writes, the transactional outbox
 * with its relay, the runner of its @EventSubscriber() providers, and `/health/live` + `/health/ready`.
 */
@Global()
@Module({})
export class PlatformModule {
  static forApp(options: PlatformOptions): DynamicModule {
    const config = loadPlatformConfig(options.app, options.env ?? process.env);
    const logger = createLogger(config);
    const providers: Provider[] = [
      { provide: PLATFORM_CONFIG, useValue: config },
      { provide: APP_LOGGER, useValue: logger },
      NatsConnectionService,
      CommandClient,
      NatsHealthIndicator,
      PlatformRuntime,
      LogFlushOnShutdown,
    ];
    if (options.servesCommands) {
      providers.push({ provide: CommandServer, useValue: new CommandServer(config) });
    }
    const imports: Array<DynamicModule | Type> = [
      LoggerModule.forRoot(loggingParams(logger)),
      TerminusModule.forRoot({ logger: false }),
    ];
    if (options.database) {
      countStatements();
      // Development and tests refuse a command or provider call made inside a transaction.
      if (config.nodeEnv !== 'production') markTransactions();
      imports.push(databaseModule(config, options.database), DiscoveryModule);
      providers.push(
        { provide: DATABASE_OPTIONS, useValue: options.database },
        DatabaseBootstrap,
        PostgresHealthIndicator,
        Outbox,
        OutboxRelay,
        EventConsumers,
        Idempotency,
        PreparedStatements,
        DatabaseMetrics,
      );
    }
    return {
      module: PlatformModule,
      imports,
      controllers: [HealthController, MetricsController],
      providers,
      exports: providers,
    };
  }
}

function databaseModule(config: PlatformConfig, database: DatabaseOptions): DynamicModule {
  return TypeOrmModule.forRoot({ ...dataSourceOptions(config, database), manualInitialization: true });
}
