import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  AddPriceListPricesRequest,
  AdminPriceList,
  CatalogCommands,
  CreatePriceListRequest,
  DeletedPricesReply,
  DeletedReply,
  DeletePriceListPricesRequest,
  ListPriceListsQuery,
  PriceListList,
  PriceListRef,
  PriceListReply,
  UpdatePriceListRequest,
} from '@app/contracts';
import { DomainError, Idempotency, PreparedStatements } from '@app/platform';
import { EntityManager } from 'typeorm';
import { PriceListWrites } from './price-list-writes.service';
import { priceListByIdQuery, priceListCountQuery, priceListPageQuery } from './price-list.sql';

/** The merchant's price list commands: writes run once per Idempotency-Key and answer the list as it then is. */
@Controller()
export class PriceListHandlers {
  constructor(
    private readonly writes: PriceListWrites,
    private readonly idempotency: Idempotency,
    private readonly db: PreparedStatements,
  ) {}

  @MessagePattern(CatalogCommands.listPriceLists.subject)
  async list(@Payload() query: ListPriceListsQuery): Promise<PriceListList> {
    const offset = query.offset ?? 0;
    const limit = query.limit ?? 10;
    const [rows, [{ count }]] = await Promise.all([
      this.db.rows<{ price_list: AdminPriceList }>(priceListPageQuery(query, offset, limit)),
      this.db.rows<{ count: number }>(priceListCountQuery(query)),
    ]);
    return { price_lists: rows.map((row) => row.price_list), count, offset, limit };
  }

  @MessagePattern(CatalogCommands.getPriceList.subject)
  async get(@Payload() ref: PriceListRef): Promise<PriceListReply> {
    const [row] = await this.db.rows<PriceListReply>(priceListByIdQuery(ref.id));
    if (!row) throw DomainError.notFound(`Price list with id: ${ref.id} was not found`);
    return row;
  }

  @MessagePattern(CatalogCommands.createPriceList.subject)
  create(@Payload() request: CreatePriceListRequest): Promise<PriceListReply> {
    return this.idempotency.run(CatalogCommands.createPriceList.subject, request, async (manager) =>
      this.read(manager, await this.writes.create(manager, request)),
    );
  }

  @MessagePattern(CatalogCommands.updatePriceList.subject)
  update(@Payload() request: UpdatePriceListRequest): Promise<PriceListReply> {
    return this.idempotency.run(CatalogCommands.updatePriceList.subject, request, async (manager) =>
      this.read(manager, await this.writes.update(manager, request)),
    );
  }

  @MessagePattern(CatalogCommands.deletePriceList.subject)
  delete(@Payload() ref: PriceListRef): Promise<DeletedReply> {
    return this.idempotency.run(CatalogCommands.deletePriceList.subject, ref, (manager) =>
      this.writes.delete(manager, ref.id),
    );
  }

  @MessagePattern(CatalogCommands.addPriceListPrices.subject)
  addPrices(@Payload() request: AddPriceListPricesRequest): Promise<PriceListReply> {
    return this.idempotency.run(CatalogCommands.addPriceListPrices.subject, request, async (manager) => {
      await this.writes.batchAdd(manager, request.id, request.prices, request.override);
      return this.read(manager, request.id);
    });
  }

  @MessagePattern(CatalogCommands.deletePriceListPrices.subject)
  deletePrices(@Payload() request: DeletePriceListPricesRequest): Promise<DeletedPricesReply> {
    return this.idempotency.run(CatalogCommands.deletePriceListPrices.subject, request, async (manager) => ({
      ids: await this.writes.batchDelete(manager, request.id, request.price_ids),
      object: 'money-amount' as const,
      deleted: true as const,
    }));
  }

  /** The list as it is inside the write's transaction. */
  private async read(manager: EntityManager, id: string): Promise<PriceListReply> {
    const query = priceListByIdQuery(id);
    const [row] = (await manager.query(query.text, query.values)) as PriceListReply[];
    return row;
  }
}
