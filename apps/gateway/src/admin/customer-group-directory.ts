import { Injectable } from '@nestjs/common';
import { CommandClient, DomainError } from '@app/platform';
import { CustomerCommands, CustomerGroup } from '@app/contracts';

/**
 * The customer app's groups as the merchant's other records name them (price lists, discount
 * conditions): looked up by id to be shown whole, or checked to exist before anything names them.
 */
@Injectable()
export class CustomerGroupDirectory {
  constructor(private readonly commands: CommandClient) {}

  async byIds(ids: string[]): Promise<Map<string, CustomerGroup>> {
    const unique = [...new Set(ids)];
    if (!unique.length) return new Map();
    const { customer_groups } = await this.commands.request(CustomerCommands.listGroups, {
      id: unique,
      limit: unique.length,
    });
    return new Map(customer_groups.map((group) => [group.id, group]));
  }

  /** 404 naming the groups that do not exist, before anything is written. */
  async assertExist(ids: string[]): Promise<void> {
    const found = await this.byIds(ids);
    const missing = [...new Set(ids)].filter((id) => !found.has(id));
    if (missing.length)
      throw DomainError.notFound(`Customer groups with ids ${missing.join(', ')} were not found`);
  }
}
