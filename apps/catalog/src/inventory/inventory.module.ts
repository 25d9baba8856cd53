import { Module } from '@nestjs/common';
import { PresaleModule } from '../presale/presale.module';
import { InventoryHandlers } from './inventory.handlers';
import { InventoryService } from './inventory.service';
import { OrderCanceledSubscriber } from './order-canceled.subscriber';

@Module({
  imports: [PresaleModule],
  controllers: [InventoryHandlers],
  providers: [InventoryService, OrderCanceledSubscriber],
})
export class InventoryModule {}
