import { Injectable } from '@nestjs/common';
import { AddressPayload, CustomerCommands, CustomerProfile } from '@app/contracts';
import { CommandClient } from '@app/platform';

/** What the cart needs of a customer, asked of the customer app: their email, groups and addresses. */
@Injectable()
export class CartCustomers {
  constructor(private readonly commands: CommandClient) {}

  profile(customerId: string): Promise<CustomerProfile> {
    return this.commands.request(CustomerCommands.profile, { customer_id: customerId });
  }

  /** An address of the customer's book, as the fields a cart address takes (404 when not theirs). */
  async address(customerId: string, addressId: string): Promise<AddressPayload> {
    const { address } = await this.commands.request(CustomerCommands.getAddress, {
      customer_id: customerId,
      address_id: addressId,
    });
    const { id: _id, ...fields } = address;
    return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== null)) as AddressPayload;
  }
}
