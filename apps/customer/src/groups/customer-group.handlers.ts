import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  CreateCustomerGroupRequest,
  Customer,
  CustomerCommands,
  CustomerGroupList,
  CustomerGroupRef,
  CustomerGroupReply,
  DeletedReply,
  GroupCustomersRequest,
  GroupMembersQuery,
  ListCustomerGroupsQuery,
  Page,
  UpdateCustomerGroupRequest,
} from '@app/contracts';
import { Idempotency } from '@app/platform';
import { CustomerGroups } from './customer-groups.service';

/** The merchant's customer group commands: reads retry freely, writes run once per Idempotency-Key. */
@Controller()
export class CustomerGroupHandlers {
  constructor(
    private readonly groups: CustomerGroups,
    private readonly idempotency: Idempotency,
  ) {}

  @MessagePattern(CustomerCommands.listGroups.subject)
  list(@Payload() query: ListCustomerGroupsQuery): Promise<CustomerGroupList> {
    return this.groups.list(query);
  }

  @MessagePattern(CustomerCommands.getGroup.subject)
  get(@Payload() ref: CustomerGroupRef): Promise<CustomerGroupReply> {
    return this.groups.get(ref.id);
  }

  @MessagePattern(CustomerCommands.groupMembers.subject)
  members(@Payload() query: GroupMembersQuery): Promise<Page & { customers: Customer[] }> {
    return this.groups.members(query);
  }

  @MessagePattern(CustomerCommands.createGroup.subject)
  create(@Payload() request: CreateCustomerGroupRequest): Promise<CustomerGroupReply> {
    return this.idempotency.run(CustomerCommands.createGroup.subject, request, (manager) =>
      this.groups.create(manager, request),
    );
  }

  @MessagePattern(CustomerCommands.updateGroup.subject)
  update(@Payload() request: UpdateCustomerGroupRequest): Promise<CustomerGroupReply> {
    return this.idempotency.run(CustomerCommands.updateGroup.subject, request, (manager) =>
      this.groups.update(manager, request),
    );
  }

  @MessagePattern(CustomerCommands.deleteGroup.subject)
  delete(@Payload() ref: CustomerGroupRef): Promise<DeletedReply> {
    return this.idempotency.run(CustomerCommands.deleteGroup.subject, ref, (manager) =>
      this.groups.delete(manager, ref.id),
    );
  }

  @MessagePattern(CustomerCommands.addGroupCustomers.subject)
  addCustomers(@Payload() request: GroupCustomersRequest): Promise<CustomerGroupReply> {
    return this.idempotency.run(CustomerCommands.addGroupCustomers.subject, request, (manager) =>
      this.groups.addCustomers(manager, request),
    );
  }

  @MessagePattern(CustomerCommands.removeGroupCustomers.subject)
  removeCustomers(@Payload() request: GroupCustomersRequest): Promise<CustomerGroupReply> {
    return this.idempotency.run(CustomerCommands.removeGroupCustomers.subject, request, (manager) =>
      this.groups.removeCustomers(manager, request),
    );
  }
}
