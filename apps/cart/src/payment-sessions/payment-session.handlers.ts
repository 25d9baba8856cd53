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
import { StorePaymentSessions } from './store-payment-sessions.service';

/** A cart's payment-session commands; each write runs once per Idempotency-Key. */
@Controller()
export class PaymentSessionHandlers {
  constructor(
    private readonly idempotency: Idempotency,
    private readonly sessions: StorePaymentSessions,
  ) {}

  @MessagePattern(CartCommands.createPaymentSessions.subject)
  create(@Payload() command: CartRef): Promise<CartReply> {
    return this.idempotency.runInSteps(CartCommands.createPaymentSessions.subject, command, (unit) =>
      this.sessions.create(unit, command),
    );
  }

  @MessagePattern(CartCommands.selectPaymentSession.subject)
  select(@Payload() command: PaymentSessionRef): Promise<CartReply> {
    return this.idempotency.runInSteps(CartCommands.selectPaymentSession.subject, command, (unit) =>
      this.sessions.select(unit, command),
    );
  }

  @MessagePattern(CartCommands.updatePaymentSession.subject)
  update(@Payload() command: UpdatePaymentSessionCommand): Promise<CartReply> {
    return this.idempotency.runInSteps(CartCommands.updatePaymentSession.subject, command, (unit) =>
      this.sessions.update(unit, command),
    );
  }

  @MessagePattern(CartCommands.refreshPaymentSession.subject)
  refresh(@Payload() command: PaymentSessionRef): Promise<CartReply> {
    return this.idempotency.runInSteps(CartCommands.refreshPaymentSession.subject, command, (unit) =>
      this.sessions.refresh(unit, command),
    );
  }

  @MessagePattern(CartCommands.deletePaymentSession.subject)
  remove(@Payload() command: PaymentSessionRef): Promise<CartReply> {
    return this.idempotency.runInSteps(CartCommands.deletePaymentSession.subject, command, (unit) =>
      this.sessions.remove(unit, command),
    );
  }
}
