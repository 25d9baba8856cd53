import { Inject, Injectable } from '@nestjs/common';
import { Actor, CustomerCommands, SignedIn, SignInRequest } from '@app/contracts';
import { CommandClient } from '@app/platform';
import { FastifyReply } from 'fastify';
import { AUTH_CONFIG, AuthConfig } from './auth-config';
import { signToken } from './jwt';
import { clearedSessionCookie, sessionCookie, signSessionId } from './session-cookie';
import { Caller } from './authenticator.service';

/** Signing in and out, for customers and admin users alike: cookie sessions and access tokens. */
@Injectable()
export class SignIn {
  constructor(
    private readonly commands: CommandClient,
    @Inject(AUTH_CONFIG) private readonly config: AuthConfig,
  ) {}

  /** Checks the credentials (401 / 429 from the customer app). */
  check(actor: Actor, body: SignInRequest): Promise<SignedIn> {
    return this.commands.request(CustomerCommands.signIn, { ...body, actor });
  }

  /** Opens a session for `signedIn` and sets its cookie on the reply. */
  async openSession(signedIn: SignedIn, reply: FastifyReply): Promise<void> {
    const session = await this.commands.request(CustomerCommands.openSession, signedIn);
    void reply.header(
      'set-cookie',
      sessionCookie(
        signSessionId(session.session_id, this.config.cookieSecret),
        this.config.sessionTtlSeconds,
        this.config.secureCookies,
      ),
    );
  }

  /** An access token for `signedIn` (Medusa v1's claims). */
  token(signedIn: SignedIn): { access_token: string } {
    const claims =
      signedIn.actor === 'customer'
        ? { customer_id: signedIn.actor_id, domain: 'store' as const }
        : { user_id: signedIn.actor_id, domain: 'admin' as const };
    return { access_token: signToken(claims, this.config.jwtSecret, this.config.tokenTtlSeconds) };
  }

  /** Ends the caller's cookie session (a token simply expires) and clears the cookie. */
  async signOut(caller: Caller | null, reply: FastifyReply): Promise<void> {
    if (caller?.session_id)
      await this.commands.request(CustomerCommands.endSession, { session_id: caller.session_id });
    void reply.header('set-cookie', clearedSessionCookie(this.config.secureCookies));
  }
}
