import { Module } from '@nestjs/common';
import { PriceListHandlers } from './price-list.handlers';
import { PriceListWrites } from './price-list-writes.service';

@Module({
  controllers: [PriceListHandlers],
  providers: [PriceListWrites],
  exports: [PriceListWrites],
})
export class PriceListsModule {}
