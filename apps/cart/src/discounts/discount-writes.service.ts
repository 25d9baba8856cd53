import { Injectable } from '@nestjs/common';
import {
  CartEvents,
  CreateDiscountRequest,
  DeletedReply,
  DISCOUNT_CONDITION_TYPES,
  DiscountConditionInput,
  UpdateDiscountRequest,
} from '@app/contracts';
import { DomainError, newId, Outbox } from '@app/platform';
import { EntityManager } from 'typeorm';

/**
 * The merchant's discounts (Medusa v1 admin) as carts apply them: a code, a rule (fixed amount,
 * percentage or free shipping, on the total or per item, with conditions on products, types,
 * collections, tags or customer groups), regions, dates and a usage limit. A code is unique among
 * live discounts (422 `duplicate_error`); a fixed discount has one region, a percentage is at most
 * 100, as Medusa checks. A discount disabled or deleted is refused by carts from their next change.
 * Each write is `events.cart.discount-changed`.
 */
@Injectable()
export class DiscountWrites {
  constructor(private readonly outbox: Outbox) {}

  async create(manager: EntityManager, request: CreateDiscountRequest): Promise<string> {
    checkRule(request.rule.type, request.rule.value, request.regions);
    const ruleId = newId('dru');
    await manager.query(
      `INSERT INTO cart.discount_rule (id, type, description, value, allocation) VALUES ($1, $2, $3, $4, $5)`,
      [
        ruleId,
        request.rule.type,
        request.rule.description ?? null,
        request.rule.value,
        request.rule.allocation,
      ],
    );
    await this.setConditions(manager, ruleId, request.rule.conditions ?? []);
    const id = newId('disc');
    await manager.query(
      `INSERT INTO cart.discount (id, code, is_dynamic, rule_id, is_disabled, starts_at, ends_at, usage_limit, metadata)
       VALUES ($1, $2, $3, $4, $5, coalesce($6::timestamptz, now()), $7, $8, $9)`,
      [
        id,
        request.code,
        request.is_dynamic ?? false,
        ruleId,
        request.is_disabled ?? false,
        request.starts_at ?? null,
        request.ends_at ?? null,
        request.usage_limit ?? null,
        request.metadata ? JSON.stringify(request.metadata) : null,
      ],
    );
    await this.setRegions(manager, id, request.regions);
    return this.changed(manager, id);
  }

  async update(manager: EntityManager, request: UpdateDiscountRequest): Promise<string> {
    const [current] = await manager.query(
      `SELECT d.rule_id, dr.type, dr.value,
         ARRAY(SELECT region_id FROM cart.discount_regions WHERE discount_id = d.id) AS regions
       FROM cart.discount d JOIN cart.discount_rule dr ON dr.id = d.rule_id
       WHERE d.id = $1 AND d.deleted_at IS NULL FOR UPDATE OF d`,
      [request.id],
    );
    if (!current) throw DomainError.notFound(`Discount with id ${request.id} was not found`);
    checkRule(current.type, request.rule?.value ?? current.value, request.regions ?? current.regions);
    await manager.query(
      `UPDATE cart.discount SET code = coalesce($2, code), is_disabled = coalesce($3, is_disabled),
         starts_at = coalesce($4::timestamptz, starts_at),
         ends_at = CASE WHEN $5 THEN $6::timestamptz ELSE ends_at END,
         usage_limit = CASE WHEN $7 THEN $8::int ELSE usage_limit END,
         metadata = coalesce($9::jsonb, metadata), updated_at = now()
       WHERE id = $1`,
      [
        request.id,
        request.code ?? null,
        request.is_disabled ?? null,
        request.starts_at ?? null,
        request.ends_at !== undefined,
        request.ends_at ?? null,
        request.usage_limit !== undefined,
        request.usage_limit ?? null,
        request.metadata ? JSON.stringify(request.metadata) : null,
      ],
    );
    if (request.rule) {
      await manager.query(
        `UPDATE cart.discount_rule SET description = coalesce($2, description), value = coalesce($3, value),
           allocation = coalesce($4, allocation), updated_at = now() WHERE id = $1`,
        [
          current.rule_id,
          request.rule.description ?? null,
          request.rule.value ?? null,
          request.rule.allocation ?? null,
        ],
      );
      if (request.rule.conditions) {
        await manager.query('DELETE FROM cart.discount_condition WHERE discount_rule_id = $1', [
          current.rule_id,
        ]);
        await this.setConditions(manager, current.rule_id, request.rule.conditions);
      }
    }
    if (request.regions) {
      await manager.query('DELETE FROM cart.discount_regions WHERE discount_id = $1', [request.id]);
      await this.setRegions(manager, request.id, request.regions);
    }
    return this.changed(manager, request.id);
  }

  /** Deletes a discount (softly: carts and orders that used it keep it); deleting twice answers the same. */
  async delete(manager: EntityManager, id: string): Promise<DeletedReply> {
    const deleted = await manager.query(
      `WITH deleted AS (UPDATE cart.discount SET deleted_at = now(), updated_at = now()
                        WHERE id = $1 AND deleted_at IS NULL RETURNING id)
       SELECT id FROM deleted`,
      [id],
    );
    if (deleted.length) await this.changed(manager, id);
    return { id, object: 'discount', deleted: true };
  }

  private async changed(manager: EntityManager, id: string): Promise<string> {
    await this.outbox.record(manager, CartEvents.discountChanged, { id }, { discount_id: id });
    return id;
  }

  private async setConditions(manager: EntityManager, ruleId: string, conditions: DiscountConditionInput[]) {
    for (const condition of conditions) {
      const kinds = DISCOUNT_CONDITION_TYPES.filter((kind) => condition[kind] !== undefined);
      if (kinds.length !== 1) {
        throw DomainError.invalidData(
          `A discount condition names exactly one of ${DISCOUNT_CONDITION_TYPES.join(', ')}`,
        );
      }
      await manager.query(
        `INSERT INTO cart.discount_condition (id, type, operator, discount_rule_id, target_ids)
         VALUES ($1, $2, $3, $4, $5)`,
        [newId('discon'), kinds[0], condition.operator, ruleId, [...new Set(condition[kinds[0]])]],
      );
    }
  }

  private async setRegions(manager: EntityManager, id: string, regions: string[]) {
    await manager.query(
      'INSERT INTO cart.discount_regions (discount_id, region_id) SELECT $1, unnest($2::text[]) ON CONFLICT DO NOTHING',
      [id, [...new Set(regions)]],
    );
  }
}

/** Medusa's checks of a rule: a percentage is at most 100; a fixed discount has one region. */
function checkRule(type: string, value: number, regions: string[]): void {
  if (type === 'percentage' && value > 100) {
    throw DomainError.invalidData('Discount value above 100 is not allowed when type is percentage');
  }
  if (type === 'fixed' && new Set(regions).size > 1) {
    throw DomainError.invalidData('Fixed discounts can have one region');
  }
}
