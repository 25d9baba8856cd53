import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  CollectionSessionCommand,
  CollectionSessionRef,
  CollectionSessionReply,
  CollectionSessionsAuthorizeCommand,
  CollectionSessionsBatchCommand,
  CreatePaymentCollectionCommand,
  PaymentCollectionCommands,
  PaymentCollectionRef,
  PaymentCollectionReply,
} from '@app/contracts';
import { PaymentCollections } from './payment-collections.service';

/** Payment collections: opened by the order app, paid by the store. */
@Controller()
export class PaymentCollectionHandlers {
  constructor(private readonly collections: PaymentCollections) {}

  @MessagePattern(PaymentCollectionCommands.create.subject)
  create(@Payload() command: CreatePaymentCollectionCommand): Promise<PaymentCollectionReply> {
    return this.collections.create(command);
  }

  @MessagePattern(PaymentCollectionCommands.get.subject)
  get(@Payload() ref: PaymentCollectionRef): Promise<PaymentCollectionReply> {
    return this.collections.get(ref.payment_collection_id);
  }

  @MessagePattern(PaymentCollectionCommands.manageSession.subject)
  manageSession(@Payload() command: CollectionSessionCommand): Promise<PaymentCollectionReply> {
    return this.collections.manageSession(command);
  }

  @MessagePattern(PaymentCollectionCommands.manageSessions.subject)
  manageSessions(@Payload() command: CollectionSessionsBatchCommand): Promise<PaymentCollectionReply> {
    return this.collections.manageSessions(command);
  }

  @MessagePattern(PaymentCollectionCommands.authorizeSessions.subject)
  authorizeSessions(@Payload() command: CollectionSessionsAuthorizeCommand): Promise<PaymentCollectionReply> {
    return this.collections.authorizeSessions(command);
  }

  @MessagePattern(PaymentCollectionCommands.refreshSession.subject)
  refreshSession(@Payload() ref: CollectionSessionRef): Promise<CollectionSessionReply> {
    return this.collections.refreshSession(ref);
  }

  @MessagePattern(PaymentCollectionCommands.authorizeSession.subject)
  authorizeSession(@Payload() ref: CollectionSessionRef): Promise<CollectionSessionReply> {
    return this.collections.authorizeSession(ref);
  }
}
