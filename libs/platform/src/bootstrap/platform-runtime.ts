import { Injectable, OnApplicationShutdown, Optional } from '@nestjs/common';
import { DatabaseBootstrap } from '../database/database-bootstrap.service';
import { EventConsumers } from '../events/event-consumers.service';
import { OutboxRelay } from '../events/outbox-relay.service';
import { CommandServer } from '../nats/command-server';
import { NatsConnectionService } from '../nats/nats-connection.service';
import { flushTracing } from '../tracing/tracing';

/** The parts of the platform an app was built with, for the bootstrap to start in order. */
@Injectable()
export class PlatformRuntime implements OnApplicationShutdown {
  constructor(
    readonly nats: NatsConnectionService,
    @Optional() readonly commandServer?: CommandServer,
    @Optional() readonly database?: DatabaseBootstrap,
    @Optional() readonly relay?: OutboxRelay,
    @Optional() readonly consumers?: EventConsumers,
  ) {}

  /** The spans of the app's last requests leave before it does. */
  async onApplicationShutdown(): Promise<void> {
    await flushTracing();
  }
}
