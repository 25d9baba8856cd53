import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { FastifyRequest } from 'fastify';
import { Authenticator } from '../auth/authenticator.service';

/**
 * The caller must be a signed-in customer before anything else is looked at: an expired token is
 * seed 002's 401 `token过期` even when the body is wrong too. (The caller is remembered for the request.)
 */
@Injectable()
export class SignedInCustomerGuard implements CanActivate {
  constructor(private readonly authenticator: Authenticator) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    await this.authenticator.customerId(context.switchToHttp().getRequest<FastifyRequest>());
    return true;
  }
}
