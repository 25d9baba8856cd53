import { Controller, HttpCode, Inject, Param, Post, Res } from '@nestjs/common';
import { CartCommands } from '@app/contracts';
import { CommandClient, PLATFORM_CONFIG, PlatformConfig } from '@app/platform';
import { FastifyReply } from 'fastify';

/**
 * `POST /store/carts/{id}/complete`: the checkout, within its own budget (`COMPLETE_TIMEOUT_MS`),
 * answered with the status and body Medusa gives: 200 with the order or with the cart that still
 * needs paying, or 409 for missing stock.
 */
@Controller('store/carts/:id')
export class CheckoutController {
  constructor(
    private readonly commands: CommandClient,
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
}
