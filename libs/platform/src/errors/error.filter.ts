import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { RpcException } from '@nestjs/microservices';
import { DomainErrorBody } from '@app/contracts/common/errors';
import { FastifyReply } from 'fastify';
import { Observable, throwError } from 'rxjs';
import { isDomainErrorBody } from './domain-error';
import { errorBodyOf, HttpError, httpErrorForBody, UNKNOWN_ERROR_BODY } from './http-errors';
import { errorFromPostgres } from './postgres-errors';

/**
 * One error model for both transports. A command handler's error leaves the app as a domain error
 * body (never Nest's opaque "Internal server error"); an HTTP error leaves in Medusa's status and
 * body. Postgres errors are mapped as Medusa maps them; unknown routes and malformed requests get
 * Medusa-style 404/400 bodies; anything unexpected is logged with its stack and answered with a
 * generic `unknown_error`.
 */
@Catch()
export class ErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('ErrorFilter');

  catch(exception: unknown, host: ArgumentsHost): Observable<never> | void {
    const body = this.bodyFor(exception);
    if (host.getType() === 'rpc') return throwError(() => body);
    const answer = httpErrorForBody(body);
    const status = clientErrorStatus(exception) ?? answer.status;
    this.send(host.switchToHttp().getResponse<FastifyReply>(), status, answer, body);
  }

  /** Sends the error in Medusa's shape; a route family with its own error envelope overrides this. */
  protected send(reply: FastifyReply, status: number, answer: HttpError, _body: DomainErrorBody): void {
    reply.status(status).headers(answer.headers ?? {});
    if (answer.text !== undefined) void reply.type('text/plain').send(answer.text);
    else void reply.send(answer.json ?? answer.body);
  }

  private bodyFor(exception: unknown): DomainErrorBody {
    if (exception instanceof RpcException && isDomainErrorBody(exception.getError())) {
      return exception.getError() as DomainErrorBody;
    }
    const status = clientErrorStatus(exception);
    if (status !== undefined) {
      return { type: status === 404 ? 'not_found' : 'invalid_data', message: clientErrorMessage(exception) };
    }
    const body = errorBodyOf(errorFromPostgres(exception) ?? exception);
    if (body === UNKNOWN_ERROR_BODY || body.type === 'database_error') {
      this.logger.error(
        exception instanceof Error ? (exception.stack ?? exception.message) : String(exception),
      );
    }
    return body;
  }
}

/** The 4xx status of a Nest HttpException or a Fastify request error (bad JSON, too large…). */
function clientErrorStatus(exception: unknown): number | undefined {
  const status =
    exception instanceof HttpException
      ? exception.getStatus()
      : (exception as { statusCode?: unknown } | null)?.statusCode;
  return typeof status === 'number' && status >= 400 && status < 500 ? status : undefined;
}

function clientErrorMessage(exception: unknown): string {
  if (exception instanceof HttpException) {
    const response = exception.getResponse();
    const message = typeof response === 'string' ? response : (response as { message?: unknown }).message;
    return Array.isArray(message) ? message.join(',') : String(message ?? exception.message);
  }
  return exception instanceof Error ? exception.message : 'The request could not be read.';
}
