import { CanActivate, createParamDecorator, ExecutionContext, Injectable } from '@nestjs/common';
import { FastifyRequest } from 'fastify';
import { Authenticator } from './authenticator.service';

type AdminRequest = FastifyRequest & { adminId?: string };

/**
 * The merchant's routes: a controller marked `@UseGuards(AdminGuard)` serves only a signed-in admin
 * user (Medusa's bare 401 for anyone else, a customer included), checked before the body is, and
 * its handlers read the admin's id with `@AdminId()`.
 */
@Injectable()
export class AdminGuard implements CanActivate {
  constructor(private readonly authenticator: Authenticator) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<AdminRequest>();
    request.adminId = await this.authenticator.adminId(request);
    return true;
  }
}

/** The signed-in admin user's id, as `AdminGuard` found it. */
export const AdminId = createParamDecorator(
  (_data: unknown, context: ExecutionContext) => context.switchToHttp().getRequest<AdminRequest>().adminId,
);
