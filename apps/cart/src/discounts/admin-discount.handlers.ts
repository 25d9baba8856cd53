import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  AdminDiscount,
  AdminDiscountList,
  AdminDiscountReply,
  CartCommands,
  CreateDiscountRequest,
  DeletedReply,
  DiscountCodeRef,
  DiscountIdRef,
  ListDiscountsQuery,
  UpdateDiscountRequest,
} from '@app/contracts';
import { containsPattern, DomainError, Idempotency, PreparedStatements, SqlBuilder } from '@app/platform';
import { EntityManager } from 'typeorm';
import { DISCOUNT_JSON } from '../carts/cart.sql';
import { RegionDirectory } from '../regions/region-directory.service';
import { DiscountWrites } from './discount-writes.service';

const FROM = 'cart.discount d JOIN cart.discount_rule dr ON dr.id = d.rule_id';

/**
 * The merchant's discount commands: regions named are checked with the catalog first (404 for an
 * unknown one), then each write runs once per Idempotency-Key and answers the discount as it then is.
 */
@Controller()
export class AdminDiscountHandlers {
  constructor(
    private readonly writes: DiscountWrites,
    private readonly regions: RegionDirectory,
    private readonly idempotency: Idempotency,
    private readonly db: PreparedStatements,
  ) {}

  @MessagePattern(CartCommands.listDiscounts.subject)
  async list(@Payload() query: ListDiscountsQuery): Promise<AdminDiscountList> {
    const offset = query.offset ?? 0;
    const limit = query.limit ?? 20;
    const sql = new SqlBuilder();
    const where = ['d.deleted_at IS NULL'];
    if (query.q) where.push(`d.code ILIKE ${sql.param(containsPattern(query.q))}`);
    if (query.is_disabled) where.push(`d.is_disabled = ${sql.param(query.is_disabled === 'true')}`);
    const rows = await this.db.rows<{ discount: AdminDiscount; total: number }>(
      sql.query(
        `SELECT ${DISCOUNT_JSON} AS discount, count(*) OVER ()::int AS total FROM ${FROM}
         WHERE ${where.join(' AND ')} ORDER BY d.created_at DESC, d.id DESC
         LIMIT ${sql.param(limit)} OFFSET ${sql.param(offset)}`,
      ),
    );
    return { discounts: rows.map((row) => row.discount), count: rows[0]?.total ?? 0, offset, limit };
  }

  @MessagePattern(CartCommands.getDiscount.subject)
  async get(@Payload() ref: DiscountIdRef): Promise<AdminDiscountReply> {
    const [row] = await this.db.rows<AdminDiscountReply>({
      name: 'cart.discount.admin-get',
      text: `SELECT ${DISCOUNT_JSON} AS discount FROM ${FROM} WHERE d.id = $1 AND d.deleted_at IS NULL`,
      values: [ref.id],
    });
    if (!row) throw DomainError.notFound(`Discount with id ${ref.id} was not found`);
    return row;
  }

  @MessagePattern(CartCommands.getDiscountByCode.subject)
  async getByCode(@Payload() ref: DiscountCodeRef): Promise<AdminDiscountReply> {
    const [row] = await this.db.rows<AdminDiscountReply>({
      name: 'cart.discount.admin-get-by-code',
      text: `SELECT ${DISCOUNT_JSON} AS discount FROM ${FROM}
             WHERE upper(d.code) = upper($1) AND d.deleted_at IS NULL`,
      values: [ref.code],
    });
    if (!row) throw DomainError.notFound(`Discount with code ${ref.code} was not found`);
    return row;
  }

  @MessagePattern(CartCommands.createDiscount.subject)
  async create(@Payload() request: CreateDiscountRequest): Promise<AdminDiscountReply> {
    await this.checkRegions(request.regions);
    return this.idempotency.run(CartCommands.createDiscount.subject, request, async (manager) =>
      this.read(manager, await this.writes.create(manager, request)),
    );
  }

  @MessagePattern(CartCommands.updateDiscount.subject)
  async update(@Payload() request: UpdateDiscountRequest): Promise<AdminDiscountReply> {
    await this.checkRegions(request.regions ?? []);
    return this.idempotency.run(CartCommands.updateDiscount.subject, request, async (manager) =>
      this.read(manager, await this.writes.update(manager, request)),
    );
  }

  @MessagePattern(CartCommands.deleteDiscount.subject)
  delete(@Payload() ref: DiscountIdRef): Promise<DeletedReply> {
    return this.idempotency.run(CartCommands.deleteDiscount.subject, ref, (manager) =>
      this.writes.delete(manager, ref.id),
    );
  }

  private async checkRegions(ids: string[]): Promise<void> {
    for (const id of new Set(ids)) await this.regions.get(id);
  }

  private async read(manager: EntityManager, id: string): Promise<AdminDiscountReply> {
    const [row] = (await manager.query(`SELECT ${DISCOUNT_JSON} AS discount FROM ${FROM} WHERE d.id = $1`, [
      id,
    ])) as AdminDiscountReply[];
    return row;
  }
}
