import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  SavedMethodCommands,
  SavedMethodRemoval,
  SavedMethodRemoved,
  SavedMethodsQuery,
  SavedMethodsReply,
} from '@app/contracts';
import { SavedPaymentMethods } from './saved-methods.service';

/** A signed-in customer's cards on file, for the gateway's `/store/customers/me/payment-methods`. */
@Controller()
export class SavedMethodHandlers {
  constructor(private readonly methods: SavedPaymentMethods) {}

  @MessagePattern(SavedMethodCommands.list.subject)
  list(@Payload() query: SavedMethodsQuery): Promise<SavedMethodsReply> {
    return this.methods.list(query);
  }

  @MessagePattern(SavedMethodCommands.remove.subject)
  remove(@Payload() removal: SavedMethodRemoval): Promise<SavedMethodRemoved> {
    return this.methods.remove(removal);
  }
}
