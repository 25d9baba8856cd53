import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { PLATFORM_CONFIG, PlatformConfig, StartOptions } from '@app/platform';
import { Authenticator } from './auth/authenticator.service';
import { EXPOSED_HEADERS, parseCorsOrigins } from './http/cors';
import { parseQueryString, refuseCrowdedQueryStrings } from './http/query-string';
import { acceptEmptyJsonBodies } from './http/empty-json-body.hook';
import { answerClientError, answerFrameworkError } from './http/client-errors';
import { recordHttpMetrics } from './http/http-metrics.hook';
import { traceHttpRequests } from './http/http-tracing.hook';
import { registerRequestContext } from './http/request-context.hook';

/** How the gateway's HTTP server is set up, shared by `main.ts` and the tests. */
export const gatewayStartOptions: StartOptions = {
  // Provider notifications are verified on their exact bytes.
  rawBody: true,
  fastify: {
    // Well below NATS's 1 MB message limit, so a body always fits in a command.
    bodyLimit: 256 * 1024,
    routerOptions: { querystringParser: parseQueryString, maxParamLength: 200 },
    clientErrorHandler: answerClientError,
    frameworkErrors: answerFrameworkError,
  },
  configure: (app: NestFastifyApplication) => {
    const config = app.get<PlatformConfig>(PLATFORM_CONFIG);
    app.enableCors({
      origin: parseCorsOrigins(config.storeCors),
      credentials: true,
      exposedHeaders: EXPOSED_HEADERS,
    });
    // First, so that everything a request does (its caller's lookup too) is inside its span.
    traceHttpRequests(app.getHttpAdapter().getInstance());
    const authenticator = app.get(Authenticator);
    registerRequestContext(app.getHttpAdapter().getInstance(), async (request) => {
      const caller = await authenticator.caller(request);
      return caller?.actor === 'customer' ? caller.actor_id : undefined;
    });
    acceptEmptyJsonBodies(app.getHttpAdapter().getInstance());
    refuseCrowdedQueryStrings(app.getHttpAdapter().getInstance());
    recordHttpMetrics(app.getHttpAdapter().getInstance());
  },
};
