import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
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
import { CartPricing } from '../carts/cart-pricing';

/** Medusa v1 store products: list, search, one. */
@Controller('store/products')
export class ProductsController {
  constructor(
    private readonly commands: CommandClient,
    private readonly cartPricing: CartPricing,
  ) {}

  @Get()
  async list(@Query() query: ListProductsQuery): Promise<ProductList> {
    return this.commands.request(CatalogCommands.listProducts, await this.cartPricing.resolve(query));
  }

  @Post('search')
  @HttpCode(200)
  search(@Body() body: SearchProductsRequest): Promise<SearchProductsReply> {
    return this.commands.request(CatalogCommands.searchProducts, body);
  }

  @Get(':id')
  async retrieve(@Param('id') id: string, @Query() query: ProductQuery): Promise<ProductReply> {
    return this.commands.request(CatalogCommands.getProduct, {
      ...(await this.cartPricing.resolve(query)),
      id,
    });
  }
}
