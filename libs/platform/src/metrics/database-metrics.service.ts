import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { PLATFORM_CONFIG } from '../config/config.tokens';
import { PlatformConfig } from '../config/platform-config';
import { quoteIdentifier } from '../database/create-database';
import { reportDatabase } from './metrics';

interface PgPool {
  totalCount: number;
  idleCount: number;
  waitingCount: number;
}

/**
 * Reports the app's database with each scrape of `/metrics`: its outbox backlog and the age of its
 * oldest unsent event, its dead letters, and its connection pool — one statement per scrape.
 */
@Injectable()
export class DatabaseMetrics implements OnApplicationBootstrap, OnApplicationShutdown {
  private stop?: () => void;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(PLATFORM_CONFIG) private readonly config: PlatformConfig,
  ) {}

  onApplicationBootstrap(): void {
    const schema = quoteIdentifier(this.config.app);
    this.stop = reportDatabase({
      app: this.config.app,
      read: async () => {
        if (!this.dataSource.isInitialized) throw new Error('not connected yet');
        const [row] = (await this.dataSource.query(
          `SELECT (SELECT count(*)::int FROM ${schema}.outbox WHERE sent_at IS NULL) AS unsent,
                  COALESCE(EXTRACT(EPOCH FROM now() - (SELECT min(occurred_at) FROM ${schema}.outbox WHERE sent_at IS NULL)), 0)::float AS oldest,
                  (SELECT count(*)::int FROM ${schema}.dead_letter) AS dead`,
        )) as { unsent: number; oldest: number; dead: number }[];
        const pool = (this.dataSource.driver as unknown as { master?: PgPool }).master;
        return {
          unsent: row.unsent,
          oldestUnsentSeconds: row.oldest,
          deadLetters: row.dead,
          pool: {
            total: pool?.totalCount ?? 0,
            idle: pool?.idleCount ?? 0,
            waiting: pool?.waitingCount ?? 0,
          },
        };
      },
    });
  }

  onApplicationShutdown(): void {
    this.stop?.();
  }
}
