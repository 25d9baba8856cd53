import { Body, Controller, Get, HttpCode, Param, Post, Query, Req } from '@nestjs/common';
import {
  CatalogCommands,
  CreateRegionRequest,
  ListRegionsQuery,
  RegionChanges,
  RegionList,
  RegionReply,
} from '@app/contracts';
import { CommandClient } from '@app/platform';
import { FastifyRequest } from 'fastify';
import { Authenticator } from '../auth/authenticator.service';

/**
 * The merchant's regions (Medusa v1 admin): list, read, create, change — currency, countries, tax
 * rate, payment and fulfillment providers. A change reaches the carts at once (`catalog.region-updated`).
 */
@Controller('admin/regions')
export class AdminRegionsController {
  constructor(
    private readonly commands: CommandClient,
    private readonly authenticator: Authenticator,
  ) {}

  /** `GET /admin/regions`: `{ regions, count, offset, limit }`. */
  @Get()
  async list(@Req() request: FastifyRequest, @Query() query: ListRegionsQuery): Promise<RegionList> {
    await this.authenticator.adminId(request);
    return this.commands.request(CatalogCommands.listRegions, query);
  }

  /** `GET /admin/regions/{id}`: `{ region }`. */
  @Get(':id')
  async get(@Req() request: FastifyRequest, @Param('id') id: string): Promise<RegionReply> {
    await this.authenticator.adminId(request);
    return this.commands.request(CatalogCommands.getRegion, { id });
  }

  /** `POST /admin/regions`: `{ region }`; once per Idempotency-Key. */
  @Post()
  @HttpCode(200)
  async create(@Req() request: FastifyRequest, @Body() body: CreateRegionRequest): Promise<RegionReply> {
    await this.authenticator.adminId(request);
    return this.commands.request(CatalogCommands.createRegion, body);
  }

  /** `POST /admin/regions/{id}`: the fields given change; `{ region }`. */
  @Post(':id')
  @HttpCode(200)
  async update(
    @Req() request: FastifyRequest,
    @Param('id') id: string,
    @Body() body: RegionChanges,
  ): Promise<RegionReply> {
    await this.authenticator.adminId(request);
    return this.commands.request(CatalogCommands.updateRegion, { ...body, id });
  }
}
