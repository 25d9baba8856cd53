import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  ByIdRequest,
  CatalogCommands,
  CatalogReferencesRequest,
  CategoryList,
  CategoryReply,
  CollectionList,
  CollectionReply,
  GetCategoryRequest,
  ListCategoriesQuery,
  ListCollectionsQuery,
  ListTagsQuery,
  ListTypesQuery,
  MissingReferences,
  TagList,
  TypeList,
} from '@app/contracts';
import { TaxonomyService } from './taxonomy.service';

/** Collections, categories, tags and types: store reads. */
@Controller()
export class TaxonomyHandlers {
  constructor(private readonly taxonomy: TaxonomyService) {}

  @MessagePattern(CatalogCommands.listCollections.subject)
  listCollections(@Payload() query: ListCollectionsQuery): Promise<CollectionList> {
    return this.taxonomy.listCollections(query);
  }

  @MessagePattern(CatalogCommands.getCollection.subject)
  getCollection(@Payload() request: ByIdRequest): Promise<CollectionReply> {
    return this.taxonomy.getCollection(request.id);
  }

  @MessagePattern(CatalogCommands.listCategories.subject)
  listCategories(@Payload() query: ListCategoriesQuery): Promise<CategoryList> {
    return this.taxonomy.listCategories(query);
  }

  @MessagePattern(CatalogCommands.getCategory.subject)
  getCategory(@Payload() request: GetCategoryRequest): Promise<CategoryReply> {
    return this.taxonomy.getCategory(request);
  }

  @MessagePattern(CatalogCommands.listTags.subject)
  async listTags(@Payload() query: ListTagsQuery): Promise<TagList> {
    const { records, ...page } = await this.taxonomy.listValues('product_tag', query);
    return { product_tags: records, ...page };
  }

  @MessagePattern(CatalogCommands.missingReferences.subject)
  missingReferences(@Payload() request: CatalogReferencesRequest): Promise<MissingReferences> {
    return this.taxonomy.missingReferences(request);
  }

  @MessagePattern(CatalogCommands.listTypes.subject)
  async listTypes(@Payload() query: ListTypesQuery): Promise<TypeList> {
    const { records, ...page } = await this.taxonomy.listValues('product_type', query);
    return { product_types: records, ...page };
  }
}
