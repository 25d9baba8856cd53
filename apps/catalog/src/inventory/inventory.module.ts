import { Module } from '@nestjs/common';
import { InventoryHandlers } from './inventory.handlers';
import { InventoryService } from './inventory.service';
import { OrderCanceledSubscriber } from './order-canceled.subscriber';

@Module({ controllers: [InventoryHandlers], providers: [InventoryService, OrderCanceledSubscriber] })
export class InventoryModule {}
