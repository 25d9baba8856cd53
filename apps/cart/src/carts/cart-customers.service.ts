import { Injectable } from '@nestjs/common';
import { CustomerCommands, CustomerProfile } from '@app/contracts';
import { CommandClient } from '@app/platform';

/** What the cart needs of a customer, asked of the customer app: their email and groups. */
@Injectable()
export class CartCustomers {
  constructor(private readonly commands: CommandClient) {}

  profile(customerId: string): Promise<CustomerProfile> {
    return this.commands.request(CustomerCommands.profile, { customer_id: customerId });
  }
}
