import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { CartCommands, CartReply, CreateSwapCartCommand } from '@app/contracts';
import { SwapCarts } from './swap-cart.service';

/** The order app asks for a swap's cart (once per swap). */
@Controller()
export class SwapCartHandlers {
  constructor(private readonly swapCarts: SwapCarts) {}

  @MessagePattern(CartCommands.createSwapCart.subject)
  create(@Payload() command: CreateSwapCartCommand): Promise<CartReply> {
    return this.swapCarts.create(command);
  }
}
