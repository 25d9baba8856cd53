import { Catch } from '@nestjs/common';
import { DomainErrorBody } from '@app/contracts/common/errors';
import { ErrorFilter, HttpError } from '@app/platform';
import { FastifyReply } from 'fastify';

/**
 * Seed 002's error envelope, `{ status: 0, msg, data: [] }`, for the routes written against it, with
 * the HTTP status Medusa's mapping gives the error (an expired or missing token: 401, `token过期`).
 */
@Catch()
export class SeedEnvelopeFilter extends ErrorFilter {
  protected override send(
    reply: FastifyReply,
    status: number,
    answer: HttpError,
    body: DomainErrorBody,
  ): void {
    const msg = status === 401 ? 'token过期' : body.message;
    reply.status(status).headers(answer.headers ?? {});
    void reply.send({ status: 0, msg, data: [] });
  }
}
