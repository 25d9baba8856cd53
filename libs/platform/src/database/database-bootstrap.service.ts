import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { PLATFORM_CONFIG } from '../config/config.tokens';
import { ConfigError, PlatformConfig } from '../config/platform-config';
import { Backoff, sleep } from '../bootstrap/backoff';
import { ensureDatabaseExists } from './create-database';
import { DATABASE_OPTIONS, DatabaseOptions } from './database-options';
import { migrateSchema } from './migrate';

export type DatabaseState = 'waiting' | 'ready' | 'stopped';

/**
 * Brings the app's database up at start, without blocking the app's HTTP health endpoints:
 * creates the database if missing, connects, migrates the app's schema under an advisory lock and
 * seeds demo data when empty — retrying with backoff while Postgres is unreachable.
 */
@Injectable()
export class DatabaseBootstrap implements OnApplicationShutdown {
  private readonly logger = new Logger(DatabaseBootstrap.name);
  private currentState: DatabaseState = 'waiting';
  private lastError?: string;
  private running?: Promise<void>;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(DATABASE_OPTIONS) private readonly options: DatabaseOptions,
    @Inject(PLATFORM_CONFIG) private readonly config: PlatformConfig,
    private readonly modules: ModuleRef,
  ) {}

  get state(): DatabaseState {
    return this.currentState;
  }

  get error(): string | undefined {
    return this.lastError;
  }

  /** Starts preparing the database (once); resolves when it is ready or the app stops. */
  start(): Promise<void> {
    this.running ??= this.prepareWithRetries();
    return this.running;
  }

  onApplicationShutdown(): void {
    if (this.currentState === 'waiting') this.currentState = 'stopped';
  }

  private async prepareWithRetries(): Promise<void> {
    const backoff = new Backoff(this.config.startupRetryMinMs, this.config.startupRetryMaxMs);
    while (this.currentState === 'waiting') {
      try {
        await this.prepare();
        this.currentState = 'ready';
        this.lastError = undefined;
        return;
      } catch (error) {
        this.lastError = error instanceof Error ? error.message : String(error);
        // A setting the data needs (the first admin…) does not come back by waiting.
        if (error instanceof ConfigError) throw error;
        const delay = backoff.next();
        this.logger.warn(`Database not ready (${this.lastError}); retrying in ${delay} ms`);
        await sleep(delay);
      }
    }
  }

  private async prepare(): Promise<void> {
    await ensureDatabaseExists(this.config.databaseUrl);
    if (!this.dataSource.isInitialized) await this.dataSource.initialize();
    if (this.currentState !== 'waiting') return;
    const applied = await migrateSchema(
      this.dataSource,
      this.config.app,
      async () => {
        await this.options.afterMigrations?.(this.dataSource);
        if (this.config.demoData) await this.options.seedDemo?.(this.dataSource, this.modules);
      },
      { migrate: this.config.migrateOnStart },
    );
    if (applied.length) this.logger.log(`Applied migrations: ${applied.join(', ')}`);
  }
}
