import { ArgumentsHost, Logger, NotFoundException } from '@nestjs/common';
import { RpcException } from '@nestjs/microservices';
import { firstValueFrom, Observable } from 'rxjs';
import { DomainError } from './domain-error';
import { ErrorFilter } from './error.filter';
import { UNKNOWN_ERROR_BODY } from './http-errors';

function rpcHost(): ArgumentsHost {
  return { getType: () => 'rpc' } as unknown as ArgumentsHost;
}

function httpHost() {
  const sent: { status?: number; headers?: Record<string, string>; body?: unknown } = {};
  const reply = {
    status: (status: number) => ((sent.status = status), reply),
    headers: (headers: Record<string, string>) => ((sent.headers = headers), reply),
    send: (body: unknown) => ((sent.body = body), reply),
  };
  const host = {
    getType: () => 'http',
    switchToHttp: () => ({ getResponse: () => reply }),
  } as unknown as ArgumentsHost;
  return { host, sent };
}

async function rpcBody(exception: unknown): Promise<unknown> {
  const result = new ErrorFilter().catch(exception, rpcHost()) as Observable<never>;
  return firstValueFrom(result).catch((body: unknown) => body);
}

describe('ErrorFilter', () => {
  it('sends a domain error over NATS as its body', async () => {
    expect(await rpcBody(DomainError.notFound('Region with x was not found'))).toEqual({
      type: 'not_found',
      message: 'Region with x was not found',
    });
  });

  it('passes a domain error body thrown as an RpcException through', async () => {
    expect(await rpcBody(new RpcException({ type: 'not_allowed', message: 'no' }))).toEqual({
      type: 'not_allowed',
      message: 'no',
    });
  });

  it('hides unexpected errors behind unknown_error, and logs them', async () => {
    const log = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    expect(await rpcBody(new Error('secret internals'))).toEqual(UNKNOWN_ERROR_BODY);
    expect(log).toHaveBeenCalledWith(expect.stringContaining('secret internals'));
    log.mockRestore();
  });

  it('answers an unknown HTTP route with a Medusa-style 404 body', () => {
    const { host, sent } = httpHost();
    new ErrorFilter().catch(new NotFoundException('Cannot GET /store/nothing'), host);
    expect(sent).toMatchObject({
      status: 404,
      body: { type: 'not_found', message: 'Cannot GET /store/nothing' },
    });
  });

  it('answers a Fastify parse error (status 400) with invalid_data', () => {
    const { host, sent } = httpHost();
    const parseError = Object.assign(
      new Error("Body is not valid JSON but content-type is set to 'application/json'"),
      {
        statusCode: 400,
      },
    );
    new ErrorFilter().catch(parseError, host);
    expect(sent).toMatchObject({ status: 400, body: { type: 'invalid_data', message: parseError.message } });
  });

  it('answers a domain error over HTTP with its Medusa status', () => {
    const { host, sent } = httpHost();
    new ErrorFilter().catch(new DomainError('duplicate_error', 'exists'), host);
    expect(sent).toMatchObject({
      status: 422,
      body: { type: 'duplicate_error', code: 'invalid_request_error' },
    });
  });
});
