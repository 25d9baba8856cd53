import { Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';

/**
 * Work an app does every `everyMs` in the background (sweeps, dispatchers): never two runs at once,
 * a failing run logged and tried again at the next tick, nothing keeping the process alive.
 */
export class PeriodicTask {
  private readonly logger: Logger;
  private timer?: NodeJS.Timeout;
  private running = false;

  constructor(
    name: string,
    private readonly everyMs: number,
    private readonly work: () => Promise<unknown>,
  ) {
    this.logger = new Logger(name);
  }

  start(): void {
    this.timer ??= setInterval(() => void this.runOnce(), this.everyMs);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  /** One run now, unless one is already going. */
  async runOnce(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      await this.work();
    } catch (error) {
      this.logger.warn(`Run failed: ${(error as Error).message}`);
    } finally {
      this.running = false;
    }
  }
}

/**
 * A provider whose periodic work runs while its app runs: started when the app has booted, stopped
 * when it shuts down. A subclass names its work once, in its constructor, with `runEvery`.
 */
export abstract class PeriodicWork implements OnApplicationBootstrap, OnApplicationShutdown {
  private task?: PeriodicTask;

  protected runEvery(name: string, everyMs: number, work: () => Promise<unknown>): void {
    this.task = new PeriodicTask(name, everyMs, work);
  }

  onApplicationBootstrap(): void {
    this.task?.start();
  }

  onApplicationShutdown(): void {
    this.task?.stop();
  }
}
