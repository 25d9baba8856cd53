import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query, UseGuards } from '@nestjs/common';
import {
  CreateCustomerGroupRequest,
  Customer,
  CustomerCommands,
  CustomerGroupChanges,
  CustomerGroupList,
  CustomerGroupReply,
  DeletedReply,
  GroupCustomersBatch,
  ListCustomerGroupsQuery,
  Page,
  PageQuery,
} from '@app/contracts';
import { CommandClient } from '@app/platform';
import { AdminGuard } from '../auth/admin.guard';

/**
 * The merchant's customer groups (Medusa v1 admin): list, read, create, change, delete, and add or
 * remove members in batches. Price lists name groups; a member's carts are priced by them.
 */
@UseGuards(AdminGuard)
@Controller('admin/customer-groups')
export class AdminCustomerGroupsController {
  constructor(private readonly commands: CommandClient) {}

  /** `GET /admin/customer-groups`: `{ customer_groups, count, offset, limit }` (`q`, 10 a page). */
  @Get()
  async list(@Query() query: ListCustomerGroupsQuery): Promise<CustomerGroupList> {
    return this.commands.request(CustomerCommands.listGroups, query);
  }

  @Get(':id')
  async get(@Param('id') id: string): Promise<CustomerGroupReply> {
    return this.commands.request(CustomerCommands.getGroup, { id });
  }

  /** `GET /admin/customer-groups/{id}/customers`: `{ customers, count, offset, limit }`. */
  @Get(':id/customers')
  async members(
    @Param('id') id: string,
    @Query() query: PageQuery,
  ): Promise<Page & { customers: Customer[] }> {
    return this.commands.request(CustomerCommands.groupMembers, { ...query, id });
  }

  @Post()
  @HttpCode(200)
  async create(@Body() body: CreateCustomerGroupRequest): Promise<CustomerGroupReply> {
    return this.commands.request(CustomerCommands.createGroup, body);
  }

  @Post(':id')
  @HttpCode(200)
  async update(@Param('id') id: string, @Body() body: CustomerGroupChanges): Promise<CustomerGroupReply> {
    return this.commands.request(CustomerCommands.updateGroup, { ...body, id });
  }

  @Delete(':id')
  async delete(@Param('id') id: string): Promise<DeletedReply> {
    return this.commands.request(CustomerCommands.deleteGroup, { id });
  }

  /** `POST /admin/customer-groups/{id}/customers/batch` `{ customer_ids: [{ id }] }`: `{ customer_group }`. */
  @Post(':id/customers/batch')
  @HttpCode(200)
  async addCustomers(
    @Param('id') id: string,
    @Body() body: GroupCustomersBatch,
  ): Promise<CustomerGroupReply> {
    return this.commands.request(CustomerCommands.addGroupCustomers, { ...body, id });
  }

  @Delete(':id/customers/batch')
  async removeCustomers(
    @Param('id') id: string,
    @Body() body: GroupCustomersBatch,
  ): Promise<CustomerGroupReply> {
    return this.commands.request(CustomerCommands.removeGroupCustomers, { ...body, id });
  }
}
