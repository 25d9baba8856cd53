import { Module } from '@nestjs/common';
import { PresaleModule } from '../presale/presale.module';
import { AdminInventoryHandlers } from './admin-inventory.handlers';
import { InventoryAdjustments } from './inventory-adjustments.service';
import { InventoryHandlers } from './inventory.handlers';
import { InventoryService } from './inventory.service';
import { OrderCanceledSubscriber } from './order-canceled.subscriber';

@Module({
  imports: [PresaleModule],
  controllers: [InventoryHandlers, AdminInventoryHandlers],
  providers: [InventoryService, InventoryAdjustments, OrderCanceledSubscriber],
})
export class InventoryModule {}
