import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import {
  CollectionSessionReply,
  CollectionSessionRequest,
  CollectionSessionsAuthorizeRequest,
  CollectionSessionsBatchRequest,
  PaymentCollectionCommands,
  PaymentCollectionReply,
} from '@app/contracts';
import { CommandClient } from '@app/platform';

/**
 * Medusa's store payment collections (an order edit's difference, paid as a cart is): read it, open
 * sessions at the region's providers, have them authorized. Its id, known to whoever has the order
 * edit, is what opens it, as Medusa's.
 */
@Controller('store/payment-collections/:id')
export class PaymentCollectionsController {
  constructor(private readonly commands: CommandClient) {}

  @Get()
  get(@Param('id') payment_collection_id: string): Promise<PaymentCollectionReply> {
    return this.commands.request(PaymentCollectionCommands.get, { payment_collection_id });
  }

  /** `POST …/sessions` `{ provider_id }`: one session at that provider for the whole amount. */
  @Post('sessions')
  @HttpCode(200)
  manageSession(
    @Param('id') payment_collection_id: string,
    @Body() body: CollectionSessionRequest,
  ): Promise<PaymentCollectionReply> {
    return this.commands.request(PaymentCollectionCommands.manageSession, { ...body, payment_collection_id });
  }

  /** `POST …/sessions/batch` `{ sessions: [{ provider_id, amount, session_id? }] }`: exactly these. */
  @Post('sessions/batch')
  @HttpCode(200)
  manageSessions(
    @Param('id') payment_collection_id: string,
    @Body() body: CollectionSessionsBatchRequest,
  ): Promise<PaymentCollectionReply> {
    return this.commands.request(PaymentCollectionCommands.manageSessions, {
      ...body,
      payment_collection_id,
    });
  }

  /** `POST …/sessions/batch/authorize` `{ session_ids }`. */
  @Post('sessions/batch/authorize')
  @HttpCode(200)
  authorizeSessions(
    @Param('id') payment_collection_id: string,
    @Body() body: CollectionSessionsAuthorizeRequest,
  ): Promise<PaymentCollectionReply> {
    return this.commands.request(PaymentCollectionCommands.authorizeSessions, {
      ...body,
      payment_collection_id,
    });
  }

  /** `POST …/sessions/{session_id}`: a fresh provider session for the same amount. */
  @Post('sessions/:session_id')
  @HttpCode(200)
  refreshSession(
    @Param('id') payment_collection_id: string,
    @Param('session_id') session_id: string,
  ): Promise<CollectionSessionReply> {
    return this.commands.request(PaymentCollectionCommands.refreshSession, {
      payment_collection_id,
      session_id,
    });
  }

  /** `POST …/sessions/{session_id}/authorize`. */
  @Post('sessions/:session_id/authorize')
  @HttpCode(200)
  authorizeSession(
    @Param('id') payment_collection_id: string,
    @Param('session_id') session_id: string,
  ): Promise<CollectionSessionReply> {
    return this.commands.request(PaymentCollectionCommands.authorizeSession, {
      payment_collection_id,
      session_id,
    });
  }
}
