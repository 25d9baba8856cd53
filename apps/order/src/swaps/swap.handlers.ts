import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { ConfirmSwapCommand, CreateSwapRequest, OrderCommands, SwapByCart, SwapReply } from '@app/contracts';
import { Idempotency } from '@app/platform';
import { OrderSwaps } from './order-swaps.service';

/** Swaps (Medusa's): created by the store, read by their cart, confirmed by their cart's checkout. */
@Controller()
export class SwapHandlers {
  constructor(
    private readonly swaps: OrderSwaps,
    private readonly idempotency: Idempotency,
  ) {}

  @MessagePattern(OrderCommands.createSwap.subject)
  create(@Payload() request: CreateSwapRequest): Promise<SwapReply> {
    return this.idempotency.run(OrderCommands.createSwap.subject, request, () => this.swaps.create(request), {
      transaction: false,
    });
  }

  @MessagePattern(OrderCommands.getSwapByCart.subject)
  getByCart(@Payload() ref: SwapByCart): Promise<SwapReply> {
    return this.swaps.getByCart(ref.cart_id);
  }

  @MessagePattern(OrderCommands.confirmSwap.subject)
  confirm(@Payload() command: ConfirmSwapCommand): Promise<SwapReply> {
    return this.swaps.confirm(command);
  }
}
