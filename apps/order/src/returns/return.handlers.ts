import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  CreateReturnReasonRequest,
  CreateReturnRequest,
  OrderCommands,
  ReceiveReturnCommand,
  ReturnReason,
  ReturnReasonRef,
  ReturnView,
} from '@app/contracts';
import { Idempotency } from '@app/platform';
import { OrderReturns } from './order-returns.service';
import { ReturnReasons } from './return-reasons.service';

/** Returns and return reasons (Medusa's). */
@Controller()
export class ReturnHandlers {
  constructor(
    private readonly reasons: ReturnReasons,
    private readonly returns: OrderReturns,
    private readonly idempotency: Idempotency,
  ) {}

  @MessagePattern(OrderCommands.createReturn.subject)
  createReturn(@Payload() request: CreateReturnRequest): Promise<{ return: ReturnView }> {
    return this.idempotency.run(
      OrderCommands.createReturn.subject,
      request,
      () => this.returns.create(request),
      {
        transaction: false,
      },
    );
  }

  @MessagePattern(OrderCommands.receiveReturn.subject)
  receiveReturn(@Payload() command: ReceiveReturnCommand): Promise<{ return: ReturnView }> {
    return this.returns.receive(command);
  }

  @MessagePattern(OrderCommands.listReturnReasons.subject)
  list(): Promise<{ return_reasons: ReturnReason[] }> {
    return this.reasons.list();
  }

  @MessagePattern(OrderCommands.getReturnReason.subject)
  get(@Payload() ref: ReturnReasonRef): Promise<{ return_reason: ReturnReason }> {
    return this.reasons.get(ref.id);
  }

  @MessagePattern(OrderCommands.createReturnReason.subject)
  create(@Payload() request: CreateReturnReasonRequest): Promise<{ return_reason: ReturnReason }> {
    return this.reasons.create(request);
  }
}
