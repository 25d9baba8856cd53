import { Controller, DynamicModule, Module } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { command } from '@app/contracts';
import {
  CommandTimeoutError,
  currentRequestContext,
  DomainError,
  PlatformModule,
  runInRequestContext,
  ServiceUnavailableError,
  startApp,
  StartedApp,
} from '@app/platform';
import { createTestEnvironment, TestEnvironment } from '../../../test/support/test-environment';

const slow = command<{ ms: number }, { done: number }>('platform-test.slow');
const whoAmI = command<
  Record<string, never>,
  { pid: number; instance: string; correlationId?: string; idempotencyKey?: string }
>('platform-test.who-am-i');
const fail = command<Record<string, never>, never>('platform-test.fail');
const huge = command<{ bytes: number }, { blob: string }>('platform-test.huge');

let instances = 0;

@Controller()
class TestHandlers {
  private readonly instance = `instance-${(instances += 1)}`;

  @MessagePattern(slow.subject)
  async slow(@Payload() { ms }: { ms: number }) {
    await new Promise((resolve) => setTimeout(resolve, ms));
    return { done: ms };
  }

  @MessagePattern(whoAmI.subject)
  whoAmI() {
    const context = currentRequestContext();
    return {
      pid: process.pid,
      instance: this.instance,
      correlationId: context?.correlationId,
      idempotencyKey: context?.idempotencyKey,
    };
  }

  @MessagePattern(huge.subject)
  huge(@Payload() { bytes }: { bytes: number }) {
    return { blob: 'x'.repeat(bytes) };
  }

  @MessagePattern(fail.subject)
  fail(): never {
    throw DomainError.notAllowed('not today', 'test_code');
  }
}

@Module({})
class TestCommandsModule {
  static forRoot(env: Record<string, string | undefined>): DynamicModule {
    return {
      module: TestCommandsModule,
      imports: [PlatformModule.forApp({ app: 'notification', servesCommands: true, env })],
      controllers: [TestHandlers],
    };
  }
}

describe('platform: commands over NATS', () => {
  let env: TestEnvironment;
  const servers: StartedApp[] = [];

  async function startServer(): Promise<StartedApp> {
    const server = await startApp(
      TestCommandsModule.forRoot({ ...process.env, NOTIFICATION_PORT: '0', NATS_GRACE_PERIOD_MS: '3000' }),
    );
    await server.ready;
    servers.push(server);
    return server;
  }

  beforeAll(async () => {
    env = await createTestEnvironment({ apps: [] });
  });
  afterAll(async () => {
    for (const server of servers) await server.close().catch(() => undefined);
    await env.close();
  });

  it("runs the handler in the caller's correlation id and idempotency key", async () => {
    await startServer();
    const answer = await runInRequestContext(
      { correlationId: 'corr-42', idempotencyKey: 'key-42', forwardIdempotencyKey: true },
      () => env.commands.request(whoAmI, {}),
    );
    expect(answer).toMatchObject({ correlationId: 'corr-42', idempotencyKey: 'key-42' });
  });

  it('carries a domain error back to the caller with its type and code', async () => {
    await expect(env.commands.request(fail, {})).rejects.toMatchObject({
      type: 'not_allowed',
      code: 'test_code',
      message: 'not today',
    });
  });

  it('turns a reply too large for NATS into invalid_data for the caller, and keeps serving', async () => {
    await expect(env.commands.request(huge, { bytes: 2 * 1024 * 1024 })).rejects.toMatchObject({
      type: 'invalid_data',
      code: 'reply_too_large',
    });
    await expect(env.commands.request(huge, { bytes: 10 })).resolves.toEqual({ blob: 'x'.repeat(10) });
  });

  it('gives up after the time budget with a CommandTimeoutError', async () => {
    await expect(env.commands.request(slow, { ms: 500 }, { timeoutMs: 100 })).rejects.toBeInstanceOf(
      CommandTimeoutError,
    );
  });

  it('shares the load between replicas (one queue group per app): each command is handled once', async () => {
    await startServer();
    const answers = await Promise.all(Array.from({ length: 40 }, () => env.commands.request(whoAmI, {})));
    const handledBy = new Set(answers.map((answer) => answer.instance));
    expect(answers).toHaveLength(40);
    expect(handledBy.size).toBe(2);
  });

  it('on close: takes no new work, finishes in-flight commands, then reports no responders', async () => {
    while (servers.length) await servers.pop()?.close();
    const server = await startServer();
    const inFlight = env.commands.request(slow, { ms: 700 }, { timeoutMs: 5_000 });
    await new Promise((resolve) => setTimeout(resolve, 150));
    const closing = server.close();
    await expect(inFlight).resolves.toEqual({ done: 700 });
    await closing;
    servers.pop();
    const started = Date.now();
    await expect(env.commands.request(slow, { ms: 1 })).rejects.toBeInstanceOf(ServiceUnavailableError);
    expect(Date.now() - started).toBeLessThan(1_000);
  });
});
