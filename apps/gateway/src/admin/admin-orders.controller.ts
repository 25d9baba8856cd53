import { Body, Controller, Get, HttpCode, Param, Post, Query, UseGuards } from '@nestjs/common';
import {
  AdminOrdersQuery,
  CustomerOrdersReply,
  OrderCommands,
  OrderFindQuery,
  OrderFulfillmentRequest,
  OrderRefundRequest,
  OrderReply,
  OrderShipmentRequest,
} from '@app/contracts';
import { CommandClient } from '@app/platform';
import { AdminGuard } from '../auth/admin.guard';

/**
 * The merchant's orders, in Medusa v1's admin paths and shapes (admin sign-in): list and read them,
 * fulfill and ship them, capture and refund their money, cancel those not paid yet.
 */
@UseGuards(AdminGuard)
@Controller('admin/orders')
export class AdminOrdersController {
  constructor(private readonly commands: CommandClient) {}

  /** `GET /admin/orders`: `{ orders, count, offset, limit }` (filters, `q`, paging; 50 a page). */
  @Get()
  async list(@Query() query: AdminOrdersQuery): Promise<CustomerOrdersReply> {
    return this.commands.request(OrderCommands.listAll, query);
  }

  @Get(':id')
  async retrieve(@Param('id') order_id: string, @Query() query: OrderFindQuery): Promise<OrderReply> {
    return this.commands.request(OrderCommands.get, { ...query, order_id });
  }

  /** `POST /admin/orders/{id}/fulfillment` `{ items: [{ item_id, quantity }] }`: `{ order }` with its fulfillment. */
  @Post(':id/fulfillment')
  @HttpCode(200)
  async fulfill(@Param('id') order_id: string, @Body() body: OrderFulfillmentRequest): Promise<OrderReply> {
    return this.commands.request(OrderCommands.fulfill, { ...body, order_id });
  }

  /** `POST /admin/orders/{id}/shipment` `{ fulfillment_id, tracking_numbers }`: `{ order }`, that fulfillment shipped. */
  @Post(':id/shipment')
  @HttpCode(200)
  async ship(@Param('id') order_id: string, @Body() body: OrderShipmentRequest): Promise<OrderReply> {
    return this.commands.request(OrderCommands.ship, { ...body, order_id });
  }

  /** `POST /admin/orders/{id}/capture`: `{ order }`, its authorized money taken. */
  @Post(':id/capture')
  @HttpCode(200)
  async capture(@Param('id') order_id: string): Promise<OrderReply> {
    return this.commands.request(OrderCommands.capture, { order_id });
  }

  /**
   * `POST /admin/orders/{id}/refund` `{ amount, reason, note }`: `{ order }` with its `refunds`; never
   * more than is left to refund; once per `Idempotency-Key`.
   */
  @Post(':id/refund')
  @HttpCode(200)
  async refund(@Param('id') order_id: string, @Body() body: OrderRefundRequest): Promise<OrderReply> {
    return this.commands.request(OrderCommands.refund, { ...body, order_id });
  }

  /** `POST /admin/orders/{id}/cancel`: `{ order }`, canceled; a paid order is refused (refund it). */
  @Post(':id/cancel')
  @HttpCode(200)
  async cancel(@Param('id') order_id: string): Promise<OrderReply> {
    return this.commands.request(OrderCommands.cancelByMerchant, { order_id });
  }
}
