import { Controller, HttpCode, Param, Post, RawBodyRequest, Req, Res } from '@nestjs/common';
import { isPaymentProviderId, PaymentCommands } from '@app/contracts';
import { CommandClient, DomainError } from '@app/platform';
import { FastifyReply, FastifyRequest } from 'fastify';

/**
 * `POST /hooks/payments/{provider}`: a payment provider's notification, passed to the payment app
 * with its body untouched (signatures are over those bytes) and answered in the provider's own
 * protocol once the payment app has committed its effect.
 */
@Controller('hooks/payments')
export class PaymentHooksController {
  constructor(private readonly commands: CommandClient) {}

  @Post(':provider')
  @HttpCode(200)
  async receive(
    @Param('provider') provider: string,
    @Req() request: RawBodyRequest<FastifyRequest>,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    if (!isPaymentProviderId(provider))
      throw DomainError.notFound(`Payment provider ${provider} was not found`);
    const headers = Object.fromEntries(
      Object.entries(request.headers)
        .filter(([, value]) => typeof value === 'string')
        .map(([name, value]) => [name, value as string]),
    );
    const answer = await this.commands.request(PaymentCommands.receiveNotification, {
      provider_id: provider,
      headers,
      body_base64: (request.rawBody ?? Buffer.alloc(0)).toString('base64'),
    });
    await reply.status(answer.status).type(answer.content_type).send(answer.body);
  }
}
