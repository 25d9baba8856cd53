import { Controller, Inject } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  AuthSessionRef,
  AuthSessionReply,
  CustomerCommands,
  CustomerReply,
  EmailRef,
  OpenSessionCommand,
  PasswordResetRequest,
  PasswordTokenRequest,
  SignedIn,
  SignInCommand,
  ThrottleAttempt,
} from '@app/contracts';
import { Authentication } from './auth.service';
import { PasswordReset } from './password-reset.service';
import { Sessions } from './sessions.service';
import { Throttle } from './throttle.service';
import { CUSTOMER_CONFIG, CustomerConfig } from '../config/customer-config';

/** Sign-in, account lookup, sessions, password reset, and the shared lookup throttle. */
@Controller()
export class AuthHandlers {
  constructor(
    private readonly authentication: Authentication,
    private readonly sessions: Sessions,
    private readonly passwords: PasswordReset,
    private readonly throttle: Throttle,
    @Inject(CUSTOMER_CONFIG) private readonly config: CustomerConfig,
  ) {}

  @MessagePattern(CustomerCommands.signIn.subject)
  signIn(@Payload() command: SignInCommand): Promise<SignedIn> {
    return this.authentication.signIn(command);
  }

  @MessagePattern(CustomerCommands.exists.subject)
  exists(@Payload() query: EmailRef): Promise<{ exists: boolean }> {
    return this.authentication.exists(query);
  }

  @MessagePattern(CustomerCommands.requestPasswordReset.subject)
  requestPasswordReset(@Payload() command: PasswordTokenRequest): Promise<{ requested: true }> {
    return this.passwords.request(command);
  }

  @MessagePattern(CustomerCommands.resetPassword.subject)
  resetPassword(@Payload() command: PasswordResetRequest): Promise<CustomerReply> {
    return this.passwords.reset(command);
  }

  @MessagePattern(CustomerCommands.throttleLookup.subject)
  async throttleLookup(@Payload() attempt: ThrottleAttempt): Promise<{ allowed: true }> {
    await this.throttle.take(`lookup:${attempt.key}`, this.config.lookupLimit);
    return { allowed: true };
  }

  @MessagePattern(CustomerCommands.openSession.subject)
  openSession(@Payload() command: OpenSessionCommand): Promise<AuthSessionReply> {
    return this.sessions.open(command);
  }

  @MessagePattern(CustomerCommands.getSession.subject)
  getSession(@Payload() ref: AuthSessionRef): Promise<AuthSessionReply> {
    return this.sessions.get(ref.session_id);
  }

  @MessagePattern(CustomerCommands.endSession.subject)
  endSession(@Payload() ref: AuthSessionRef): Promise<{ ended: boolean }> {
    return this.sessions.end(ref.session_id);
  }
}
