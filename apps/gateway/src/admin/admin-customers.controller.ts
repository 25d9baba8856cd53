import { Controller, Get, Param, Query, UseGuards } from '@nestjs/common';
import {
  AdminCustomer,
  AdminCustomerList,
  AdminListCustomersQuery,
  CustomerCommands,
  MAX_PAGE_SIZE,
  OrderCommands,
  OrderReply,
} from '@app/contracts';
import { CommandClient } from '@app/platform';
import { AdminGuard } from '../auth/admin.guard';

/**
 * The merchant's customers (Medusa v1 admin): find them by email or name, by group or by account,
 * to put them in the groups price lists and discounts are for. The customer app keeps them; one
 * customer is shown with the orders the order app holds for them, as Medusa's admin shows it.
 */
@UseGuards(AdminGuard)
@Controller('admin/customers')
export class AdminCustomersController {
  constructor(private readonly commands: CommandClient) {}

  /** `GET /admin/customers`: `{ customers, count, offset, limit }` (`q`, `groups[]`, `has_account`, 50 a page). */
  @Get()
  list(@Query() query: AdminListCustomersQuery): Promise<AdminCustomerList> {
    return this.commands.request(CustomerCommands.adminList, query);
  }

  /** `GET /admin/customers/{id}`: `{ customer }` with its addresses, groups and orders, newest first. */
  @Get(':id')
  async get(
    @Param('id') id: string,
  ): Promise<{ customer: AdminCustomer & { orders: OrderReply['order'][] } }> {
    const { customer } = await this.commands.request(CustomerCommands.adminGet, { customer_id: id });
    return { customer: { ...customer, orders: await this.orders(id) } };
  }

  /** Every order of the customer, a page of the order app's largest at a time. */
  private async orders(customer_id: string): Promise<OrderReply['order'][]> {
    const orders: OrderReply['order'][] = [];
    for (;;) {
      const page = await this.commands.request(OrderCommands.listByCustomer, {
        customer_id,
        offset: orders.length,
        limit: MAX_PAGE_SIZE,
      });
      orders.push(...page.orders);
      if (!page.orders.length || orders.length >= page.count) return orders;
    }
  }
}
