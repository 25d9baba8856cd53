import { Logger } from '@nestjs/common';

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
