import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  AddAddressCommand,
  AddressPayload,
  AddressRef,
  CustomerCommands,
  CustomerHistory,
  CustomerProfile,
  CustomerRef,
  CustomerReply,
  RegisterCustomerRequest,
  UpdateAddressCommand,
  UpdateCustomerCommand,
} from '@app/contracts';
import { CustomerService } from './customer.service';

/** Customer commands: registration, the customer's own details and address book. */
@Controller()
export class CustomerHandlers {
  constructor(private readonly customers: CustomerService) {}

  @MessagePattern(CustomerCommands.register.subject)
  register(@Payload() command: RegisterCustomerRequest): Promise<CustomerReply> {
    return this.customers.register(command);
  }

  @MessagePattern(CustomerCommands.get.subject)
  get(@Payload() ref: CustomerRef): Promise<CustomerReply> {
    return this.customers.get(ref);
  }

  @MessagePattern(CustomerCommands.history.subject)
  history(@Payload() ref: CustomerRef): Promise<CustomerHistory> {
    return this.customers.history(ref);
  }

  @MessagePattern(CustomerCommands.profile.subject)
  profile(@Payload() ref: CustomerRef): Promise<CustomerProfile> {
    return this.customers.profile(ref);
  }

  @MessagePattern(CustomerCommands.update.subject)
  update(@Payload() command: UpdateCustomerCommand): Promise<CustomerReply> {
    return this.customers.update(command);
  }

  @MessagePattern(CustomerCommands.addAddress.subject)
  addAddress(@Payload() command: AddAddressCommand): Promise<CustomerReply> {
    return this.customers.addAddress(command);
  }

  @MessagePattern(CustomerCommands.updateAddress.subject)
  updateAddress(@Payload() command: UpdateAddressCommand): Promise<CustomerReply> {
    return this.customers.updateAddress(command);
  }

  @MessagePattern(CustomerCommands.getAddress.subject)
  getAddress(@Payload() ref: AddressRef): Promise<{ address: AddressPayload & { id: string } }> {
    return this.customers.getAddress(ref);
  }

  @MessagePattern(CustomerCommands.deleteAddress.subject)
  deleteAddress(@Payload() ref: AddressRef): Promise<CustomerReply> {
    return this.customers.deleteAddress(ref);
  }
}
