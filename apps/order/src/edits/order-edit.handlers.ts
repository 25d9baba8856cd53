import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  AddOrderEditItemCommand,
  CreateOrderEditCommand,
  DeclineOrderEditCommand,
  OrderCommands,
  OrderEditItemRef,
  OrderEditRef,
  OrderEditReply,
  RequestOrderEditCommand,
  UpdateOrderEditItemCommand,
} from '@app/contracts';
import { OrderEdits } from './order-edits.service';

/** Order edits: made by the merchant, confirmed or declined by the customer. */
@Controller()
export class OrderEditHandlers {
  constructor(private readonly edits: OrderEdits) {}

  @MessagePattern(OrderCommands.createOrderEdit.subject)
  create(@Payload() command: CreateOrderEditCommand): Promise<OrderEditReply> {
    return this.edits.create(command);
  }

  @MessagePattern(OrderCommands.getOrderEdit.subject)
  get(@Payload() ref: OrderEditRef): Promise<OrderEditReply> {
    return this.edits.get(ref.order_edit_id, ref.store === true);
  }

  @MessagePattern(OrderCommands.addOrderEditItem.subject)
  addItem(@Payload() command: AddOrderEditItemCommand): Promise<OrderEditReply> {
    return this.edits.addItem(command);
  }

  @MessagePattern(OrderCommands.updateOrderEditItem.subject)
  updateItem(@Payload() command: UpdateOrderEditItemCommand): Promise<OrderEditReply> {
    return this.edits.updateItem(command);
  }

  @MessagePattern(OrderCommands.removeOrderEditItem.subject)
  removeItem(@Payload() ref: OrderEditItemRef): Promise<OrderEditReply> {
    return this.edits.removeItem(ref);
  }

  @MessagePattern(OrderCommands.requestOrderEdit.subject)
  request(@Payload() command: RequestOrderEditCommand): Promise<OrderEditReply> {
    return this.edits.request(command);
  }

  @MessagePattern(OrderCommands.completeOrderEdit.subject)
  complete(@Payload() ref: OrderEditRef): Promise<OrderEditReply> {
    return this.edits.complete(ref.order_edit_id);
  }

  @MessagePattern(OrderCommands.declineOrderEdit.subject)
  decline(@Payload() command: DeclineOrderEditCommand): Promise<OrderEditReply> {
    return this.edits.decline(command);
  }
}
