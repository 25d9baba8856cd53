import { startSandbox } from './sandbox-server';

const env = process.env;
const port = Number(env.PSP_SANDBOX_PORT || 9400);
const backoff = env.SANDBOX_NOTIFY_BACKOFF_MS?.split(',').map(Number);

startSandbox({
  port,
  host: env.HOST || '0.0.0.0',
  publicUrl: env.PSP_SANDBOX_PUBLIC_URL,
  notifyBackoffMs: backoff,
})
  .then((sandbox) => {
    process.stdout.write(
      `${JSON.stringify({ level: 30, app: 'psp-sandbox', msg: `psp-sandbox listening on ${sandbox.url}` })}\n`,
    );
    const stop = () => void sandbox.close().then(() => process.exit(0));
    process.once('SIGTERM', stop);
    process.once('SIGINT', stop);
  })
  .catch((error: Error) => {
    process.stderr.write(`psp-sandbox failed to start: ${error.message}\n`);
    process.exit(1);
  });
