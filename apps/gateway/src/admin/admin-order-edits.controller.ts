import { Body, Controller, Delete, Get, HttpCode, Param, Post, UseGuards } from '@nestjs/common';
import {
  AddOrderEditItemRequest,
  CreateOrderEditRequest,
  OrderCommands,
  OrderEditReply,
  UpdateOrderEditItemRequest,
} from '@app/contracts';
import { CommandClient } from '@app/platform';
import { AdminGuard, AdminId } from '../auth/admin.guard';

/**
 * The merchant's order edits (Medusa v1 admin): open one on an order, add, change and remove lines,
 * then ask the customer to confirm (a positive difference gets a payment collection).
 */
@UseGuards(AdminGuard)
@Controller('admin/order-edits')
export class AdminOrderEditsController {
  constructor(private readonly commands: CommandClient) {}

  /** `POST /admin/order-edits` `{ order_id, internal_note? }`: `{ order_edit }`, `created`. */
  @Post()
  @HttpCode(200)
  async create(@AdminId() created_by: string, @Body() body: CreateOrderEditRequest): Promise<OrderEditReply> {
    return this.commands.request(OrderCommands.createOrderEdit, { ...body, created_by });
  }

  @Get(':id')
  async get(@Param('id') order_edit_id: string): Promise<OrderEditReply> {
    return this.commands.request(OrderCommands.getOrderEdit, { order_edit_id });
  }

  /** `POST /admin/order-edits/{id}/items` `{ variant_id, quantity }`. */
  @Post(':id/items')
  @HttpCode(200)
  async addItem(
    @Param('id') order_edit_id: string,
    @Body() body: AddOrderEditItemRequest,
  ): Promise<OrderEditReply> {
    return this.commands.request(OrderCommands.addOrderEditItem, { ...body, order_edit_id });
  }

  /** `POST /admin/order-edits/{id}/items/{item_id}` `{ quantity }`. */
  @Post(':id/items/:item_id')
  @HttpCode(200)
  async updateItem(
    @Param('id') order_edit_id: string,
    @Param('item_id') item_id: string,
    @Body() body: UpdateOrderEditItemRequest,
  ): Promise<OrderEditReply> {
    return this.commands.request(OrderCommands.updateOrderEditItem, { ...body, order_edit_id, item_id });
  }

  @Delete(':id/items/:item_id')
  async removeItem(
    @Param('id') order_edit_id: string,
    @Param('item_id') item_id: string,
  ): Promise<OrderEditReply> {
    return this.commands.request(OrderCommands.removeOrderEditItem, { order_edit_id, item_id });
  }

  /** `POST /admin/order-edits/{id}/request`: `requested`, with `payment_collection_id` for a difference to pay. */
  @Post(':id/request')
  @HttpCode(200)
  async request(
    @AdminId() requested_by: string,
    @Param('id') order_edit_id: string,
  ): Promise<OrderEditReply> {
    return this.commands.request(OrderCommands.requestOrderEdit, { order_edit_id, requested_by });
  }
}
