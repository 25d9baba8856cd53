import { Injectable } from '@nestjs/common';
import { EventEnvelope, OrderCanceled, OrderEvents } from '@app/contracts';
import { eventData, EventSubscriber, TransactionalSubscription } from '@app/platform';
import { EntityManager } from 'typeorm';
import { PresaleStock } from '../presale/presale-stock.service';
import { InventoryService } from './inventory.service';

/**
 * An order canceled before its money was taken: what its cart's reservation sold is stocked again,
 * and the presale units it took are given back — once each.
 */
@Injectable()
@EventSubscriber()
export class OrderCanceledSubscriber implements TransactionalSubscription {
  readonly consumer = 'catalog-order-canceled';
  readonly subject = OrderEvents.canceled.subject;

  constructor(
    private readonly inventory: InventoryService,
    private readonly presale: PresaleStock,
  ) {}

  async handle(event: EventEnvelope, manager: EntityManager): Promise<void> {
    const canceled = eventData(event, OrderCanceled);
    await this.inventory.restock(canceled.cart_id, manager);
    await this.presale.release(canceled.cart_id, manager);
  }
}
