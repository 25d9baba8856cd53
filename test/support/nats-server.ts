import { ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, waitForPort } from './ports';

/** Where nats-server is installed (Debian puts it in /usr/sbin, often not on a user's PATH). */
export function natsServerBinary(): string {
  const candidates = [
    process.env.NATS_SERVER_BIN,
    '/usr/sbin/nats-server',
    '/usr/bin/nats-server',
    '/usr/local/bin/nats-server',
  ];
  const found = candidates.find((path): path is string => !!path && existsSync(path));
  return found ?? 'nats-server';
}

export interface TestNatsServerOptions {
  /** A configuration file's text (authorization, TLS…); the command line sets address, port and store. */
  config?: string;
  /** The server's environment, for `$VARIABLE`s in its configuration. */
  env?: Record<string, string>;
}

/** A private `nats-server -js` with its own store directory, for one test run or one test. */
export class TestNatsServer {
  private process?: ChildProcess;
  readonly storeDir = mkdtempSync(join(tmpdir(), 'checkout-nats-'));

  /** The server's log (`-l`), where it reports permission violations. */
  readonly logFile = join(this.storeDir, 'server.log');

  private constructor(
    readonly port: number,
    private readonly options: TestNatsServerOptions = {},
  ) {}

  get url(): string {
    return `nats://127.0.0.1:${this.port}`;
  }

  /** Starts a server on `port` (a free one by default) and waits until it accepts connections. */
  static async start(port?: number, options?: TestNatsServerOptions): Promise<TestNatsServer> {
    const server = new TestNatsServer(port ?? (await freePort()), options);
    await server.restart();
    return server;
  }

  /** (Re)starts the process on the same port and store. */
  async restart(): Promise<void> {
    const args = ['-a', '127.0.0.1', '-p', String(this.port), '-js', '-sd', this.storeDir];
    if (this.options.config) {
      const file = join(this.storeDir, 'server.conf');
      writeFileSync(file, this.options.config);
      args.push('-c', file, '-l', this.logFile);
    }
    const child = spawn(natsServerBinary(), args, {
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, ...this.options.env },
    });
    this.process = child;
    let errors = '';
    child.stderr?.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    const exited = new Promise<never>((_, reject) =>
      child.once('exit', (code) =>
        reject(new Error(`nats-server exited with code ${code}: ${errors.trim().slice(-500)}`)),
      ),
    );
    await Promise.race([waitForPort(this.port), exited]);
  }

  /** Stops the process (the store directory stays for a restart). */
  async stop(): Promise<void> {
    const child = this.process;
    this.process = undefined;
    if (!child || child.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  }

  /** Stops the process and removes its store. */
  async destroy(): Promise<void> {
    await this.stop();
    rmSync(this.storeDir, { recursive: true, force: true });
  }
}
