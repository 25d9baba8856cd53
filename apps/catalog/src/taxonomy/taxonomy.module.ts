import { Module } from '@nestjs/common';
import { TaxonomyHandlers } from './taxonomy.handlers';
import { TaxonomyService } from './taxonomy.service';

@Module({ controllers: [TaxonomyHandlers], providers: [TaxonomyService] })
export class TaxonomyModule {}
