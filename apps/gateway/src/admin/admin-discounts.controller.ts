import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query, UseGuards } from '@nestjs/common';
import {
  AdminDiscount,
  CartCommands,
  CatalogCommands,
  CreateDiscountRequest,
  DeletedReply,
  DiscountChanges,
  ListDiscountsQuery,
  Page,
  Region,
} from '@app/contracts';
import { CommandClient } from '@app/platform';
import { AdminGuard } from '../auth/admin.guard';

/** A discount as Medusa's admin shows it: its regions whole, from the catalog, and its parent. */
type ShownDiscount = Omit<AdminDiscount, 'regions'> & { regions: Region[]; parent_discount: null };

/**
 * The merchant's discounts (Medusa v1 admin): list, read, create (code, rule with conditions,
 * regions, dates, usage limit), change or disable, delete. The cart app keeps them and applies them
 * to carts; the regions are the catalog's, shown whole.
 */
@UseGuards(AdminGuard)
@Controller('admin/discounts')
export class AdminDiscountsController {
  constructor(private readonly commands: CommandClient) {}

  /** `GET /admin/discounts`: `{ discounts, count, offset, limit }`. */
  @Get()
  async list(@Query() query: ListDiscountsQuery): Promise<Page & { discounts: ShownDiscount[] }> {
    const page = await this.commands.request(CartCommands.listDiscounts, query);
    const regions = await this.regions();
    return { ...page, discounts: page.discounts.map((discount) => shown(discount, regions)) };
  }

  @Get(':id')
  async get(@Param('id') id: string): Promise<{ discount: ShownDiscount }> {
    return this.show(await this.commands.request(CartCommands.getDiscount, { id }));
  }

  @Post()
  @HttpCode(200)
  async create(@Body() body: CreateDiscountRequest): Promise<{ discount: ShownDiscount }> {
    return this.show(await this.commands.request(CartCommands.createDiscount, body));
  }

  /** `POST /admin/discounts/{id}`: the fields given change; `{ is_disabled: true }` disables it. */
  @Post(':id')
  @HttpCode(200)
  async update(@Param('id') id: string, @Body() body: DiscountChanges): Promise<{ discount: ShownDiscount }> {
    return this.show(await this.commands.request(CartCommands.updateDiscount, { ...body, id }));
  }

  @Delete(':id')
  async delete(@Param('id') id: string): Promise<DeletedReply> {
    return this.commands.request(CartCommands.deleteDiscount, { id });
  }

  private async regions(): Promise<Map<string, Region>> {
    const { regions } = await this.commands.request(CatalogCommands.listRegions, { limit: 1000 });
    return new Map(regions.map((region) => [region.id, region]));
  }

  private async show({ discount }: { discount: AdminDiscount }): Promise<{ discount: ShownDiscount }> {
    return { discount: shown(discount, await this.regions()) };
  }
}

/** Regions deleted since the discount named them are left out: carts there cannot use it. */
function shown(discount: AdminDiscount, regions: Map<string, Region>): ShownDiscount {
  // Codes made from a dynamic discount are not issued here, so no discount has a parent.
  return {
    ...discount,
    regions: discount.regions.flatMap((id) => regions.get(id) ?? []),
    parent_discount: null,
  };
}
