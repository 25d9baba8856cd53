import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { Msg, MsgHdrs, NatsConnection } from 'nats';
import { Backoff } from '../bootstrap/backoff';
import { PLATFORM_CONFIG } from '../config/config.tokens';
import { PlatformConfig } from '../config/platform-config';
import { ServiceUnavailableError } from '../errors/transport-errors';
import { connectUntilStopped } from './connect-until-stopped';
import { natsConnectionOptions, natsInboxPrefix } from './nats-options';
import { RequestMux } from './request-mux';

/**
 * The app's own NATS connection for outgoing commands (and, later, JetStream). It connects in the
 * background and keeps reconnecting, so an app starts, and reports not-ready, while NATS is down.
 */
@Injectable()
export class NatsConnectionService implements OnApplicationShutdown {
  private readonly logger = new Logger(NatsConnectionService.name);
  private nc?: NatsConnection;
  private mux?: RequestMux;
  private connecting?: Promise<void>;
  private connected = false;
  private stopped = false;

  constructor(@Inject(PLATFORM_CONFIG) private readonly config: PlatformConfig) {}

  /** Starts connecting (once); resolves when the first connection is up, or the app stopped first. */
  start(): Promise<void> {
    this.connecting ??= connectUntilStopped(
      natsConnectionOptions(this.config, 'client'),
      () => this.stopped,
      new Backoff(this.config.startupRetryMinMs, this.config.startupRetryMaxMs),
    ).then((nc) => {
      if (!nc) return;
      this.nc = nc;
      this.mux = new RequestMux(nc, natsInboxPrefix(this.config.app));
      this.connected = true;
      void this.watchStatus(nc);
    });
    return this.connecting;
  }

  /** The live connection; throws "unavailable" (a 503 at the gateway) while there is none. */
  get connection(): NatsConnection {
    if (!this.nc || !this.connected || this.nc.isClosed()) {
      throw new ServiceUnavailableError('nats', 'not connected');
    }
    return this.nc;
  }

  /** Request-reply on the live connection; see RequestMux for the outcomes. */
  request(subject: string, data: Uint8Array, headers: MsgHdrs, timeoutMs: number): Promise<Msg> {
    if (!this.mux || !this.isConnected()) {
      return Promise.reject(new ServiceUnavailableError(subject, 'NATS is not connected'));
    }
    return this.mux.request(subject, data, headers, timeoutMs);
  }

  isConnected(): boolean {
    return !!this.nc && this.connected && !this.nc.isClosed();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    const nc = this.nc;
    this.nc = undefined;
    this.mux?.close();
    if (nc && !nc.isClosed()) await nc.drain().catch(() => nc.close());
  }

  private async watchStatus(nc: NatsConnection): Promise<void> {
    for await (const status of nc.status()) {
      if (status.type === 'disconnect') {
        this.connected = false;
        this.logger.warn(`NATS connection lost (${String(status.data)})`);
      } else if (status.type === 'error') {
        // A publish or subscription the server's permissions refuse: a deployment error to fix.
        this.logger.error(`NATS refused: ${String(status.data)}`);
      } else if (status.type === 'reconnect') {
        this.connected = true;
        this.logger.log(`NATS connection back (${String(status.data)})`);
      }
    }
  }
}
