import { Injectable } from '@nestjs/common';
import {
  CatalogEvents,
  CreateShippingOptionRequest,
  DeletedReply,
  PricedShippingOption,
  ShippingRequirementInput,
  UpdateShippingOptionRequest,
} from '@app/contracts';
import { DomainError, newId, Outbox, upsertRows } from '@app/platform';
import { EntityManager } from 'typeorm';
import { updateGiven } from '../sql/row-writes';
import { adminShippingOptionByIdQuery } from './shipping-option.sql';
import { storeShippingProfile } from './shipping-profiles';

/**
 * The merchant's shipping options: a flat-rate option of a region through one of the region's
 * fulfillment providers, for a profile, with its subtotal requirements; changed and deleted, each
 * with `events.catalog.shipping-option-changed`. Runs inside the caller's transaction (see Idempotency).
 */
@Injectable()
export class ShippingOptionWrites {
  constructor(private readonly outbox: Outbox) {}

  async create(
    manager: EntityManager,
    request: CreateShippingOptionRequest,
    id = newId('so'),
  ): Promise<PricedShippingOption> {
    const [region] = await manager.query(
      'SELECT id FROM catalog.region WHERE id = $1 AND deleted_at IS NULL',
      [request.region_id],
    );
    if (!region) throw DomainError.notFound(`Region with id ${request.region_id} was not found`);
    const [provider] = await manager.query(
      'SELECT 1 FROM catalog.region_fulfillment_providers WHERE region_id = $1 AND provider_id = $2',
      [request.region_id, request.provider_id],
    );
    if (!provider) {
      throw DomainError.invalidData(
        `The fulfillment provider ${request.provider_id} is not available in region ${request.region_id}`,
      );
    }
    checkRequirements(request.requirements ?? []);
    await upsertRows(manager, 'catalog.shipping_option', [
      {
        id,
        name: request.name,
        region_id: request.region_id,
        profile_id: request.profile_id ?? (await storeShippingProfile(manager, 'default')),
        provider_id: request.provider_id,
        price_type: request.price_type,
        amount: request.amount,
        is_return: request.is_return ?? false,
        admin_only: request.admin_only ?? false,
        includes_tax: request.includes_tax ?? false,
        data: request.data ?? {},
        metadata: request.metadata ?? null,
      },
    ]);
    await this.insertRequirements(manager, id, request.requirements ?? []);
    await this.changed(manager, id);
    return this.read(manager, id);
  }

  private async insertRequirements(
    manager: EntityManager,
    id: string,
    requirements: ShippingRequirementInput[],
  ): Promise<void> {
    await upsertRows(
      manager,
      'catalog.shipping_option_requirement',
      requirements.map((requirement) => ({
        id: newId('sor'),
        shipping_option_id: id,
        type: requirement.type,
        amount: requirement.amount,
      })),
    );
  }

  private async changed(manager: EntityManager, id: string): Promise<void> {
    await this.outbox.record(
      manager,
      CatalogEvents.shippingOptionChanged,
      { id },
      { shipping_option_id: id },
    );
  }

  private async read(manager: EntityManager, id: string): Promise<PricedShippingOption> {
    const { text, values } = adminShippingOptionByIdQuery(id);
    const [row] = (await manager.query(text, values)) as { option: PricedShippingOption }[];
    return row.option;
  }

  /** Changes an option: the fields given; requirements given replace its own. Carts quote it afresh when they use it. */
  async update(manager: EntityManager, request: UpdateShippingOptionRequest): Promise<PricedShippingOption> {
    const [found] = await manager.query(
      'SELECT id FROM catalog.shipping_option WHERE id = $1 AND deleted_at IS NULL FOR UPDATE',
      [request.id],
    );
    if (!found) throw DomainError.notFound(`Shipping option with id: ${request.id} was not found`);
    await updateGiven(manager, 'catalog.shipping_option', request.id, request, [
      'name',
      'amount',
      'admin_only',
      'includes_tax',
      'metadata',
    ]);
    if (request.requirements) {
      checkRequirements(request.requirements);
      await manager.query('DELETE FROM catalog.shipping_option_requirement WHERE shipping_option_id = $1', [
        request.id,
      ]);
      await this.insertRequirements(manager, request.id, request.requirements);
    }
    await this.changed(manager, request.id);
    return this.read(manager, request.id);
  }

  /** Deletes an option (softly: carts and orders that chose it keep their shipping method). */
  async delete(manager: EntityManager, id: string): Promise<DeletedReply> {
    const deleted = await manager.query(
      `WITH deleted AS (UPDATE catalog.shipping_option SET deleted_at = now(), updated_at = now()
                        WHERE id = $1 AND deleted_at IS NULL RETURNING id)
       SELECT id FROM deleted`,
      [id],
    );
    if (deleted.length) await this.changed(manager, id);
    return { id, object: 'shipping-option', deleted: true };
  }
}

function checkRequirements(requirements: ShippingRequirementInput[]): void {
  const types = requirements.map((requirement) => requirement.type);
  if (new Set(types).size !== types.length)
    throw DomainError.invalidData('Only one requirement of each type');
}
