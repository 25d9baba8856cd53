import { Body, Controller, Get, HttpCode, Param, Post, Query, UseGuards } from '@nestjs/common';
import {
  CatalogCommands,
  CreateRegionRequest,
  ListRegionsQuery,
  RegionChanges,
  RegionList,
  RegionReply,
} from '@app/contracts';
import { CommandClient } from '@app/platform';
import { AdminGuard } from '../auth/admin.guard';

/**
 * The merchant's regions (Medusa v1 admin): list, read, create, change — currency, countries, tax
 * rate, payment and fulfillment providers. A change reaches the carts at once (`catalog.region-updated`).
 */
@UseGuards(AdminGuard)
@Controller('admin/regions')
export class AdminRegionsController {
  constructor(private readonly commands: CommandClient) {}

  /** `GET /admin/regions`: `{ regions, count, offset, limit }`. */
  @Get()
  async list(@Query() query: ListRegionsQuery): Promise<RegionList> {
    return this.commands.request(CatalogCommands.listRegions, query);
  }

  /** `GET /admin/regions/{id}`: `{ region }`. */
  @Get(':id')
  async get(@Param('id') id: string): Promise<RegionReply> {
    return this.commands.request(CatalogCommands.getRegion, { id });
  }

  /** `POST /admin/regions`: `{ region }`; once per Idempotency-Key. */
  @Post()
  @HttpCode(200)
  async create(@Body() body: CreateRegionRequest): Promise<RegionReply> {
    return this.commands.request(CatalogCommands.createRegion, body);
  }

  /** `POST /admin/regions/{id}`: the fields given change; `{ region }`. */
  @Post(':id')
  @HttpCode(200)
  async update(@Param('id') id: string, @Body() body: RegionChanges): Promise<RegionReply> {
    return this.commands.request(CatalogCommands.updateRegion, { ...body, id });
  }
}
