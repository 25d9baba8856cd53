import { Injectable, Optional } from '@nestjs/common';
import { HealthIndicatorResult, HealthIndicatorService } from '@nestjs/terminus';
import { CommandServer } from '../nats/command-server';
import { NatsConnectionService } from '../nats/nats-connection.service';

/** NATS is up when the client connection is, and, in apps that serve commands, the server listens. */
@Injectable()
export class NatsHealthIndicator {
  constructor(
    private readonly indicator: HealthIndicatorService,
    private readonly nats: NatsConnectionService,
    @Optional() private readonly server?: CommandServer,
  ) {}

  check(key = 'nats'): HealthIndicatorResult {
    const session = this.indicator.check(key);
    const client = this.nats.isConnected();
    const server = this.server ? this.server.isListening() : undefined;
    const details: Record<string, boolean> = server === undefined ? { client } : { client, server };
    return client && server !== false ? session.up(details) : session.down(details);
  }
}
