import { Module } from '@nestjs/common';
import { AdminTaxonomyHandlers } from './admin-taxonomy.handlers';
import { TaxonomyWrites } from './taxonomy-writes.service';
import { TaxonomyHandlers } from './taxonomy.handlers';
import { TaxonomyService } from './taxonomy.service';

@Module({
  controllers: [TaxonomyHandlers, AdminTaxonomyHandlers],
  providers: [TaxonomyService, TaxonomyWrites],
  exports: [TaxonomyWrites],
})
export class TaxonomyModule {}
