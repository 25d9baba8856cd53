import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  PaymentCommands,
  SessionDataUpdate,
  SessionInput,
  SessionRef,
  SessionRefund,
  SessionReply,
} from '@app/contracts';
import { PaymentSessions } from './payment-session.service';

/** Payment-session commands from the cart app. */
@Controller()
export class PaymentSessionHandlers {
  constructor(private readonly sessions: PaymentSessions) {}

  @MessagePattern(PaymentCommands.initiateSession.subject)
  initiate(@Payload() input: SessionInput): Promise<SessionReply> {
    return this.sessions.openForAmount(input);
  }

  @MessagePattern(PaymentCommands.updateSession.subject)
  update(@Payload() input: SessionInput): Promise<SessionReply> {
    return this.sessions.openForAmount(input);
  }

  @MessagePattern(PaymentCommands.refreshSession.subject)
  refresh(@Payload() input: SessionInput): Promise<SessionReply> {
    return this.sessions.refresh(input);
  }

  @MessagePattern(PaymentCommands.cancelSession.subject)
  cancel(@Payload() ref: SessionRef): Promise<SessionReply | null> {
    return this.sessions.cancel(ref);
  }

  @MessagePattern(PaymentCommands.updateSessionData.subject)
  updateData(@Payload() update: SessionDataUpdate): Promise<SessionReply> {
    return this.sessions.updateData(update);
  }

  @MessagePattern(PaymentCommands.authorizeSession.subject)
  authorize(@Payload() ref: SessionRef): Promise<SessionReply> {
    return this.sessions.authorize(ref);
  }

  @MessagePattern(PaymentCommands.captureSession.subject)
  capture(@Payload() ref: SessionRef): Promise<SessionReply> {
    return this.sessions.capture(ref);
  }

  @MessagePattern(PaymentCommands.refundSession.subject)
  refund(@Payload() request: SessionRefund): Promise<SessionReply> {
    return this.sessions.refund(request);
  }

  @MessagePattern(PaymentCommands.getSession.subject)
  get(@Payload() ref: SessionRef): Promise<SessionReply> {
    return this.sessions.get(ref);
  }
}
