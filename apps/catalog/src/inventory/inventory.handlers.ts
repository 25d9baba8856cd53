import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  CatalogCommands,
  CheckInventoryRequest,
  InventoryCheck,
  ReservationReply,
  ReservationRequest,
  ReturnStockRequest,
  ReserveInventoryRequest,
} from '@app/contracts';
import { InventoryService } from './inventory.service';

/** Inventory commands; reserve, release, confirm and restock are idempotent per reservation key. */
@Controller()
export class InventoryHandlers {
  constructor(private readonly inventory: InventoryService) {}

  @MessagePattern(CatalogCommands.checkInventory.subject)
  check(@Payload() request: CheckInventoryRequest): Promise<InventoryCheck> {
    return this.inventory.check(request.items);
  }

  @MessagePattern(CatalogCommands.reserveInventory.subject)
  reserve(@Payload() request: ReserveInventoryRequest): Promise<ReservationReply> {
    return this.inventory.reserve(request.reservation_key, request.items);
  }

  @MessagePattern(CatalogCommands.releaseInventory.subject)
  release(@Payload() request: ReservationRequest): Promise<ReservationReply> {
    return this.inventory.release(request.reservation_key);
  }

  @MessagePattern(CatalogCommands.restockInventory.subject)
  restock(@Payload() request: ReservationRequest): Promise<ReservationReply> {
    return this.inventory.restock(request.reservation_key);
  }

  @MessagePattern(CatalogCommands.returnInventory.subject)
  returnStock(@Payload() request: ReturnStockRequest): Promise<ReservationReply> {
    return this.inventory.returnStock(request.reservation_key, request.items);
  }

  @MessagePattern(CatalogCommands.confirmInventory.subject)
  confirm(@Payload() request: ReservationRequest): Promise<ReservationReply> {
    return this.inventory.confirm(request.reservation_key);
  }
}
