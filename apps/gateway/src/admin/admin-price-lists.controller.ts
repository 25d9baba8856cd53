import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query, UseGuards } from '@nestjs/common';
import {
  AdminPriceList,
  CatalogCommands,
  CreatePriceListRequest,
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
import { CommandClient } from '@app/platform';
import { AdminGuard } from '../auth/admin.guard';
import { CustomerGroupDirectory } from './customer-group-directory';

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
  constructor(
    private readonly commands: CommandClient,
    private readonly directory: CustomerGroupDirectory,
  ) {}

  /** `GET /admin/price-lists`: `{ price_lists, count, offset, limit }` (`q`, `status[]`, `type[]`). */
  @Get()
  async list(
    @Query() query: ListPriceListsQuery,
  ): Promise<Omit<PriceListList, 'price_lists'> & { price_lists: ShownPriceList[] }> {
    const page = await this.commands.request(CatalogCommands.listPriceLists, query);
    const groups = await this.directory.byIds(
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

  private async checkGroups(refs: { id: string }[] | undefined): Promise<void> {
    if (refs?.length) await this.directory.assertExist(refs.map((ref) => ref.id));
  }

  private async show({ price_list }: PriceListReply): Promise<{ price_list: ShownPriceList }> {
    return {
      price_list: shown(price_list, await this.directory.byIds(price_list.customer_groups.map((g) => g.id))),
    };
  }
}

/** Groups deleted since the list named them are left out, as they price nobody. */
function shown(list: AdminPriceList, groups: Map<string, CustomerGroup>): ShownPriceList {
  return {
    ...list,
    customer_groups: list.customer_groups.flatMap((ref) => groups.get(ref.id) ?? []),
  };
}
