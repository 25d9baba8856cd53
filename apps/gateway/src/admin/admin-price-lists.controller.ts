import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query, UseGuards } from '@nestjs/common';
import {
  AdminPriceList,
  CatalogCommands,
  CreatePriceListRequest,
  CustomerCommands,
  CustomerGroup,
  DeletedPricesReply,
  DeletedReply,
  ListPriceListsQuery,
  PriceIdsBatch,
  PriceListChanges,
  PriceListList,
  PriceListPricesBatch,
  PriceListReply,
} from '@app/contracts';
import { CommandClient, DomainError } from '@app/platform';
import { AdminGuard } from '../auth/admin.guard';

/** A price list as Medusa's admin shows it: its customer groups whole, from the customer app. */
type ShownPriceList = Omit<AdminPriceList, 'customer_groups'> & { customer_groups: CustomerGroup[] };

/**
 * The merchant's price lists (Medusa v1 admin): sales and overrides, for everyone or for customer
 * groups, between dates. The catalog keeps the lists and prices; the groups are the customer app's,
 * checked to exist before a list names them and shown whole in every answer.
 */
@UseGuards(AdminGuard)
@Controller('admin/price-lists')
export class AdminPriceListsController {
  constructor(private readonly commands: CommandClient) {}

  /** `GET /admin/price-lists`: `{ price_lists, count, offset, limit }` (`q`, `status[]`, `type[]`). */
  @Get()
  async list(
    @Query() query: ListPriceListsQuery,
  ): Promise<Omit<PriceListList, 'price_lists'> & { price_lists: ShownPriceList[] }> {
    const page = await this.commands.request(CatalogCommands.listPriceLists, query);
    const groups = await this.groups(
      page.price_lists.flatMap((list) => list.customer_groups.map((g) => g.id)),
    );
    return { ...page, price_lists: page.price_lists.map((list) => shown(list, groups)) };
  }

  @Get(':id')
  async get(@Param('id') id: string): Promise<{ price_list: ShownPriceList }> {
    return this.show(await this.commands.request(CatalogCommands.getPriceList, { id }));
  }

  @Post()
  @HttpCode(200)
  async create(@Body() body: CreatePriceListRequest): Promise<{ price_list: ShownPriceList }> {
    await this.checkGroups(body.customer_groups);
    return this.show(await this.commands.request(CatalogCommands.createPriceList, body));
  }

  @Post(':id')
  @HttpCode(200)
  async update(
    @Param('id') id: string,
    @Body() body: PriceListChanges,
  ): Promise<{ price_list: ShownPriceList }> {
    await this.checkGroups(body.customer_groups);
    return this.show(await this.commands.request(CatalogCommands.updatePriceList, { ...body, id }));
  }

  @Delete(':id')
  async delete(@Param('id') id: string): Promise<DeletedReply> {
    return this.commands.request(CatalogCommands.deletePriceList, { id });
  }

  /** `POST /admin/price-lists/{id}/prices/batch` `{ prices, override? }`: `{ price_list }`. */
  @Post(':id/prices/batch')
  @HttpCode(200)
  async addPrices(
    @Param('id') id: string,
    @Body() body: PriceListPricesBatch,
  ): Promise<{ price_list: ShownPriceList }> {
    return this.show(await this.commands.request(CatalogCommands.addPriceListPrices, { ...body, id }));
  }

  /** `DELETE /admin/price-lists/{id}/prices/batch` `{ price_ids }`: `{ ids, object, deleted }`. */
  @Delete(':id/prices/batch')
  async deletePrices(@Param('id') id: string, @Body() body: PriceIdsBatch): Promise<DeletedPricesReply> {
    return this.commands.request(CatalogCommands.deletePriceListPrices, { ...body, id });
  }

  /** 404 naming the groups given that do not exist, before anything is written. */
  private async checkGroups(refs: { id: string }[] | undefined): Promise<void> {
    if (!refs?.length) return;
    const ids = [...new Set(refs.map((ref) => ref.id))];
    const found = await this.groups(ids);
    const missing = ids.filter((id) => !found.has(id));
    if (missing.length)
      throw DomainError.notFound(`Customer groups with ids ${missing.join(', ')} were not found`);
  }

  private async groups(ids: string[]): Promise<Map<string, CustomerGroup>> {
    const unique = [...new Set(ids)];
    if (!unique.length) return new Map();
    const { customer_groups } = await this.commands.request(CustomerCommands.listGroups, {
      id: unique,
      limit: unique.length,
    });
    return new Map(customer_groups.map((group) => [group.id, group]));
  }

  private async show({ price_list }: PriceListReply): Promise<{ price_list: ShownPriceList }> {
    return { price_list: shown(price_list, await this.groups(price_list.customer_groups.map((g) => g.id))) };
  }
}

/** Groups deleted since the list named them are left out, as they price nobody. */
function shown(list: AdminPriceList, groups: Map<string, CustomerGroup>): ShownPriceList {
  return {
    ...list,
    customer_groups: list.customer_groups.flatMap((ref) => groups.get(ref.id) ?? []),
  };
}
