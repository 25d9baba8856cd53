import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  CartCommands,
  CartRef,
  CartReply,
  PaymentSessionRef,
  UpdatePaymentSessionCommand,
} from '@app/contracts';
import { Idempotency } from '@app/platform';
import { PaymentSessionService } from './payment-session.service';

/** A cart's payment-session commands; each write runs once per Idempotency-Key. */
@Controller()
export class PaymentSessionHandlers {
  constructor(
    private readonly idempotency: Idempotency,
    private readonly sessions: PaymentSessionService,
  ) {}

  @MessagePattern(CartCommands.createPaymentSessions.subject)
  create(@Payload() command: CartRef): Promise<CartReply> {
    return this.idempotency.run(CartCommands.createPaymentSessions.subject, command, (manager) =>
      this.sessions.create(manager, command),
    );
  }

  @MessagePattern(CartCommands.selectPaymentSession.subject)
  select(@Payload() command: PaymentSessionRef): Promise<CartReply> {
    return this.idempotency.run(CartCommands.selectPaymentSession.subject, command, (manager) =>
      this.sessions.select(manager, command),
    );
  }

  @MessagePattern(CartCommands.updatePaymentSession.subject)
  update(@Payload() command: UpdatePaymentSessionCommand): Promise<CartReply> {
    return this.idempotency.run(CartCommands.updatePaymentSession.subject, command, (manager) =>
      this.sessions.update(manager, command),
    );
  }

  @MessagePattern(CartCommands.refreshPaymentSession.subject)
  refresh(@Payload() command: PaymentSessionRef): Promise<CartReply> {
    return this.idempotency.run(CartCommands.refreshPaymentSession.subject, command, (manager) =>
      this.sessions.refresh(manager, command),
    );
  }

  @MessagePattern(CartCommands.deletePaymentSession.subject)
  remove(@Payload() command: PaymentSessionRef): Promise<CartReply> {
    return this.idempotency.run(CartCommands.deletePaymentSession.subject, command, (manager) =>
      this.sessions.remove(manager, command),
    );
  }
}
