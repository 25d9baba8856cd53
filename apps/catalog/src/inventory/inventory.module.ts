import { Module } from '@nestjs/common';
import { InventoryHandlers } from './inventory.handlers';
import { InventoryService } from './inventory.service';

@Module({ controllers: [InventoryHandlers], providers: [InventoryService] })
export class InventoryModule {}
