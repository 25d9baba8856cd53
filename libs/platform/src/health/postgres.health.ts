import { Injectable } from '@nestjs/common';
import { HealthIndicatorResult, HealthIndicatorService } from '@nestjs/terminus';
import { DataSource } from 'typeorm';
import { DatabaseBootstrap } from '../database/database-bootstrap.service';

const PING_TIMEOUT_MS = 1_000;

/** Postgres is up when the schema is migrated and a `SELECT 1` answers within a second. */
@Injectable()
export class PostgresHealthIndicator {
  constructor(
    private readonly indicator: HealthIndicatorService,
    private readonly bootstrap: DatabaseBootstrap,
    private readonly dataSource: DataSource,
  ) {}

  async check(key = 'postgres'): Promise<HealthIndicatorResult> {
    const session = this.indicator.check(key);
    if (this.bootstrap.state !== 'ready') {
      return session.down({ state: this.bootstrap.state, error: this.bootstrap.error ?? null });
    }
    try {
      await withTimeout(this.dataSource.query('SELECT 1'), PING_TIMEOUT_MS);
      return session.up();
    } catch (error) {
      return session.down({ error: error instanceof Error ? error.message : String(error) });
    }
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
