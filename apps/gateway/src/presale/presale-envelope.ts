import { Catch, Inject } from '@nestjs/common';
import { DomainErrorBody } from '@app/contracts/common/errors';
import { ErrorFilter, HttpError } from '@app/platform';
import { FastifyReply } from 'fastify';
import { createHash } from 'node:crypto';
import { PRESALE_CONFIG, PresaleConfig } from './presale-config';

/**
 * Seed 004's envelope, `{ alg: "SALT_MD5", code, data, md5, message }`, as the exact bytes sent:
 * `md5` is hex MD5 over the salt followed by the JSON text of `data` exactly as it appears in the body.
 */
export function sealed(code: number, data: unknown, message: string, salt: string): string {
  const text = JSON.stringify(data);
  const md5 = createHash('md5').update(`${salt}${text}`).digest('hex');
  return `{"alg":"SALT_MD5","code":${code},"data":${text},"md5":"${md5}","message":${JSON.stringify(message)}}`;
}

/** Errors of the presale routes in seed 004's envelope: `code` is the HTTP status, `data` empty. */
@Catch()
export class PresaleEnvelopeFilter extends ErrorFilter {
  constructor(@Inject(PRESALE_CONFIG) private readonly config: PresaleConfig) {
    super();
  }

  protected override send(
    reply: FastifyReply,
    status: number,
    answer: HttpError,
    body: DomainErrorBody,
  ): void {
    const message = status === 401 ? 'token过期' : body.message;
    reply
      .status(status)
      .headers(answer.headers ?? {})
      .type('application/json');
    void reply.send(sealed(status, {}, message, this.config.md5Salt));
  }
}
