import { Body, Controller, Get, HttpCode, Param, Post, Query, Req } from '@nestjs/common';
import {
  CatalogCommands,
  ListProductsQuery,
  ProductList,
  ProductQuery,
  ProductReply,
  SearchProductsReply,
  SearchProductsRequest,
} from '@app/contracts';
import { CommandClient } from '@app/platform';
import { FastifyRequest } from 'fastify';
import { CartPricing } from '../carts/cart-pricing';
import { PublishableKeys } from '../sales-channels/publishable-keys';

/** Medusa v1 store products: list, search, one, in the sales channels of the storefront's key. */
@Controller('store/products')
export class ProductsController {
  constructor(
    private readonly commands: CommandClient,
    private readonly cartPricing: CartPricing,
    private readonly keys: PublishableKeys,
  ) {}

  @Get()
  async list(@Query() query: ListProductsQuery, @Req() request: FastifyRequest): Promise<ProductList> {
    const sales_channel_id = await this.keys.readChannels(request, query.sales_channel_id);
    return this.commands.request(CatalogCommands.listProducts, {
      ...(await this.cartPricing.resolve(query)),
      sales_channel_id,
    });
  }

  @Post('search')
  @HttpCode(200)
  async search(
    @Body() body: SearchProductsRequest,
    @Req() request: FastifyRequest,
  ): Promise<SearchProductsReply> {
    const sales_channel_id = await this.keys.readChannels(request, undefined);
    return this.commands.request(CatalogCommands.searchProducts, { ...body, sales_channel_id });
  }

  @Get(':id')
  async retrieve(
    @Param('id') id: string,
    @Query() query: ProductQuery,
    @Req() request: FastifyRequest,
  ): Promise<ProductReply> {
    const key_sales_channel_ids = await this.keys.readScope(request, query.sales_channel_id);
    return this.commands.request(CatalogCommands.getProduct, {
      ...(await this.cartPricing.resolve(query)),
      id,
      key_sales_channel_ids,
    });
  }
}
