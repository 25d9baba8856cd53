import { Inject, Injectable } from '@nestjs/common';
import { CustomerCommands, SignedIn } from '@app/contracts';
import { CommandClient, DomainError } from '@app/platform';
import { FastifyRequest } from 'fastify';
import { AUTH_CONFIG, AuthConfig } from './auth-config';
import { verifyToken } from './jwt';
import { cookieValue, SESSION_COOKIE, unsignSessionId } from './session-cookie';

/** Who a request comes from, and through what: a bearer token, or the session cookie (its id). */
export interface Caller extends SignedIn {
  session_id?: string;
}

/**
 * Who is calling: `Authorization: Bearer <access token>` or seed 002's `token: <access token>`
 * (checked here, signed by the gateway), or
 * the `connect.sid` session cookie (its signature checked here, the session itself asked of the
 * customer app, so every replica sees a sign-out at once). A bad token or cookie is no caller.
 */
@Injectable()
export class Authenticator {
  constructor(
    private readonly commands: CommandClient,
    @Inject(AUTH_CONFIG) private readonly config: AuthConfig,
  ) {}

  /** Asked once per request: the request-context hook and a controller share the answer. */
  private readonly known = new WeakMap<FastifyRequest, Promise<Caller | null>>();

  caller(request: FastifyRequest): Promise<Caller | null> {
    let caller = this.known.get(request);
    if (!caller) {
      caller = this.resolve(request);
      this.known.set(request, caller);
    }
    return caller;
  }

  private async resolve(request: FastifyRequest): Promise<Caller | null> {
    const authorization = request.headers.authorization;
    // Seed 002's mobile clients send the same access token in a `token` header.
    const token = authorization?.startsWith('Bearer ')
      ? authorization.slice(7).trim()
      : typeof request.headers.token === 'string'
        ? request.headers.token.trim()
        : undefined;
    if (token !== undefined) {
      const claims = verifyToken(token, this.config.jwtSecret);
      if (!claims) return null;
      return claims.domain === 'store'
        ? { actor: 'customer', actor_id: claims.customer_id as string }
        : { actor: 'admin', actor_id: claims.user_id as string };
    }
    const cookie = cookieValue(request.headers.cookie, SESSION_COOKIE);
    const sessionId = cookie ? unsignSessionId(cookie, this.config.cookieSecret) : null;
    if (!sessionId) return null;
    try {
      const session = await this.commands.request(CustomerCommands.getSession, { session_id: sessionId });
      return { actor: session.actor, actor_id: session.actor_id, session_id: sessionId };
    } catch (error) {
      if (error instanceof DomainError && error.type === 'unauthorized') return null;
      throw error;
    }
  }

  /** The signed-in customer's id; 401 for anyone else (an admin's token included). */
  async customerId(request: FastifyRequest): Promise<string> {
    const caller = await this.caller(request);
    if (caller?.actor !== 'customer') throw DomainError.unauthenticated();
    return caller.actor_id;
  }

  /** The signed-in admin user's id; 401 for anyone else (a customer's token included). */
  async adminId(request: FastifyRequest): Promise<string> {
    const caller = await this.caller(request);
    if (caller?.actor !== 'admin') throw DomainError.unauthenticated();
    return caller.actor_id;
  }
}
