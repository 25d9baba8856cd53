import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  CatalogCommands,
  GetProductRequest,
  GetVariantRequest,
  ListProductsQuery,
  ListVariantsQuery,
  ProductList,
  ProductReply,
  SearchProductsCommand,
  SearchProductsReply,
  VariantList,
  VariantReply,
} from '@app/contracts';
import { ProductService } from './product.service';
import { VariantService } from './variant.service';

/** Product and variant reads. */
@Controller()
export class ProductHandlers {
  constructor(
    private readonly products: ProductService,
    private readonly variants: VariantService,
  ) {}

  @MessagePattern(CatalogCommands.listProducts.subject)
  listProducts(@Payload() query: ListProductsQuery): Promise<ProductList> {
    return this.products.list(query);
  }

  @MessagePattern(CatalogCommands.getProduct.subject)
  getProduct(@Payload() request: GetProductRequest): Promise<ProductReply> {
    return this.products.retrieve(request);
  }

  @MessagePattern(CatalogCommands.searchProducts.subject)
  searchProducts(@Payload() request: SearchProductsCommand): Promise<SearchProductsReply> {
    return this.products.search(request);
  }

  @MessagePattern(CatalogCommands.listVariants.subject)
  listVariants(@Payload() query: ListVariantsQuery): Promise<VariantList> {
    return this.variants.list(query);
  }

  @MessagePattern(CatalogCommands.getVariant.subject)
  getVariant(@Payload() request: GetVariantRequest): Promise<VariantReply> {
    return this.variants.retrieve(request);
  }
}
