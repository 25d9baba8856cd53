import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query, UseGuards } from '@nestjs/common';
import {
  AdminDiscount,
  CATALOG_REFERENCE_KINDS,
  CatalogReferenceKind,
  CartCommands,
  CatalogCommands,
  CreateDiscountRequest,
  DeletedReply,
  DiscountChanges,
  DiscountConditionInput,
  DISCOUNT_CONDITION_TYPES,
  ListDiscountsQuery,
  Page,
  Region,
} from '@app/contracts';
import { CommandClient, DomainError } from '@app/platform';
import { AdminGuard } from '../auth/admin.guard';
import { CustomerGroupDirectory } from './customer-group-directory';

const REFERENCE_NAMES: Record<CatalogReferenceKind, string> = {
  products: 'Products',
  product_types: 'Product types',
  product_collections: 'Product collections',
  product_tags: 'Product tags',
};

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
  constructor(
    private readonly commands: CommandClient,
    private readonly groups: CustomerGroupDirectory,
  ) {}

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

  /** `GET /admin/discounts/code/{code}`: the live discount of a code, whatever its case. */
  @Get('code/:code')
  async getByCode(@Param('code') code: string): Promise<{ discount: ShownDiscount }> {
    return this.show(await this.commands.request(CartCommands.getDiscountByCode, { code }));
  }

  @Post()
  @HttpCode(200)
  async create(@Body() body: CreateDiscountRequest): Promise<{ discount: ShownDiscount }> {
    await this.checkTargets(body.rule.conditions);
    return this.show(await this.commands.request(CartCommands.createDiscount, body));
  }

  /** `POST /admin/discounts/{id}`: the fields given change; `{ is_disabled: true }` disables it. */
  @Post(':id')
  @HttpCode(200)
  async update(@Param('id') id: string, @Body() body: DiscountChanges): Promise<{ discount: ShownDiscount }> {
    await this.checkTargets(body.rule?.conditions);
    return this.show(await this.commands.request(CartCommands.updateDiscount, { ...body, id }));
  }

  @Delete(':id')
  async delete(@Param('id') id: string): Promise<DeletedReply> {
    return this.commands.request(CartCommands.deleteDiscount, { id });
  }

  /**
   * 404 naming the products, types, collections, tags or customer groups the conditions name that
   * do not exist, before anything is written (the catalog's in one request, the groups in another).
   */
  private async checkTargets(conditions: DiscountConditionInput[] | undefined): Promise<void> {
    // A condition naming more than one kind is the cart app's 400 to give, not a lookup.
    const wellFormed = (conditions ?? []).filter(
      (condition) => DISCOUNT_CONDITION_TYPES.filter((kind) => condition[kind] !== undefined).length === 1,
    );
    if (!wellFormed.length) return;
    const asked = (kind: keyof DiscountConditionInput) =>
      wellFormed.flatMap((condition) => (condition[kind] as string[] | undefined) ?? []);
    const references = Object.fromEntries(CATALOG_REFERENCE_KINDS.map((kind) => [kind, asked(kind)]));
    const [missing] = await Promise.all([
      Object.values(references).some((ids) => ids.length)
        ? this.commands.request(CatalogCommands.missingReferences, references)
        : undefined,
      this.groups.assertExist(asked('customer_groups')),
    ]);
    for (const kind of CATALOG_REFERENCE_KINDS) {
      if (missing?.[kind].length) {
        throw DomainError.notFound(
          `${REFERENCE_NAMES[kind]} with ids ${missing[kind].join(', ')} were not found`,
        );
      }
    }
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
