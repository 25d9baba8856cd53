import { Controller, HttpCode, Inject, Param, Post, Req, Res } from '@nestjs/common';
import { CartCommands } from '@app/contracts';
import { CommandClient, PLATFORM_CONFIG, PlatformConfig } from '@app/platform';
import { FastifyReply, FastifyRequest } from 'fastify';
import { Authenticator } from '../auth/authenticator.service';

/**
 * `POST /store/carts/{id}/complete`: the checkout, within its own budget (`COMPLETE_TIMEOUT_MS`),
 * answered with the status and body Medusa gives: 200 with the order or with the cart that still
 * needs paying, or 409 for missing stock.
 */
@Controller('store/carts/:id')
export class CheckoutController {
  constructor(
    private readonly commands: CommandClient,
    private readonly authenticator: Authenticator,
    @Inject(PLATFORM_CONFIG) private readonly config: PlatformConfig,
  ) {}

  @Post('complete')
  @HttpCode(200)
  async complete(@Param('id') cart_id: string, @Res() reply: FastifyReply): Promise<void> {
    const answer = await this.commands.request(
      CartCommands.complete,
      { cart_id },
      { timeoutMs: this.config.completeTimeoutMs },
    );
    await reply.status(answer.status).send(answer.body);
  }

  /**
   * `POST /store/carts/{id}/submit` (提交订单): the signed-in owner places the order unpaid, to pay
   * it by its `pay_expire` (`POST /store/orders/{id}/pay`); answered as `complete` is.
   */
  @Post('submit')
  @HttpCode(200)
  async submit(
    @Param('id') cart_id: string,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    await this.authenticator.customerId(request);
    const answer = await this.commands.request(
      CartCommands.submit,
      { cart_id },
      { timeoutMs: this.config.completeTimeoutMs },
    );
    await reply.status(answer.status).send(answer.body);
  }
}
