import { Controller, Get, Header } from '@nestjs/common';
import { metricsRegistry, renderMetrics } from '../metrics/metrics';

/**
 * `GET /metrics` in Prometheus' text format (see `metrics/metrics.ts`): latency of HTTP requests and
 * commands, checkout outcomes, webhook attempts, outbox backlog and age, dead letters, the
 * connection pool, SQL statements and transactions, and the process's own (CPU, memory, event loop).
 */
@Controller('metrics')
export class MetricsController {
  @Get()
  @Header('content-type', metricsRegistry.contentType)
  metrics(): Promise<string> {
    return renderMetrics();
  }
}
