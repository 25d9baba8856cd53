import { Controller, Get, Optional, Res, ServiceUnavailableException } from '@nestjs/common';
import { HealthCheckService } from '@nestjs/terminus';
import { FastifyReply } from 'fastify';
import { NatsHealthIndicator } from './nats.health';
import { PostgresHealthIndicator } from './postgres.health';

/**
 * Kubernetes probes. Live: the process answers. Ready: its Postgres (apps that own data) and NATS
 * connections are up — 503 with the failing parts otherwise.
 */
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly nats: NatsHealthIndicator,
    @Optional() private readonly postgres?: PostgresHealthIndicator,
  ) {}

  @Get('live')
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('ready')
  async ready(@Res({ passthrough: true }) reply: FastifyReply): Promise<unknown> {
    const postgres = this.postgres;
    const checks = postgres ? [() => postgres.check(), () => this.nats.check()] : [() => this.nats.check()];
    try {
      return await this.health.check(checks);
    } catch (error) {
      if (!(error instanceof ServiceUnavailableException)) throw error;
      void reply.status(503);
      return error.getResponse();
    }
  }
}
