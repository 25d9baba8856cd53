import { Controller, Get, Header, Inject } from '@nestjs/common';
import { PLATFORM_CONFIG } from '../config/config.tokens';
import { PlatformConfig } from '../config/platform-config';
import { statementCounts } from '../database/statement-counter';

/**
 * `GET /metrics` in Prometheus' text format: the SQL statements and transactions this process has
 * sent, and its CPU time, so that a benchmark can state what one flow costs per app.
 */
@Controller('metrics')
export class MetricsController {
  constructor(@Inject(PLATFORM_CONFIG) private readonly config: PlatformConfig) {}

  @Get()
  @Header('content-type', 'text/plain; version=0.0.4')
  metrics(): string {
    const { statements, transactions } = statementCounts();
    const cpu = process.cpuUsage();
    const app = `{app="${this.config.app}"}`;
    return [
      '# HELP db_statements_total SQL statements sent to Postgres.',
      '# TYPE db_statements_total counter',
      `db_statements_total${app} ${statements}`,
      '# HELP db_transactions_total Transactions (BEGIN … COMMIT blocks) opened in Postgres.',
      '# TYPE db_transactions_total counter',
      `db_transactions_total${app} ${transactions}`,
      '# HELP process_cpu_seconds_total User and system CPU time of the process.',
      '# TYPE process_cpu_seconds_total counter',
      `process_cpu_seconds_total${app} ${(cpu.user + cpu.system) / 1e6}`,
      '',
    ].join('\n');
  }
}
