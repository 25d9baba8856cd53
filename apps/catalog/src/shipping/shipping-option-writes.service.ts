import { Injectable } from '@nestjs/common';
import { CreateShippingOptionRequest, PricedShippingOption } from '@app/contracts';
import { DomainError, newId, upsertRows } from '@app/platform';
import { EntityManager } from 'typeorm';
import { shippingOptionByIdQuery } from './shipping-option.sql';
import { storeShippingProfile } from './shipping-profiles';

/**
 * The merchant's shipping options: a flat-rate option of a region through one of the region's
 * fulfillment providers, for a profile, with its subtotal requirements. Runs inside the caller's
 * transaction (see Idempotency).
 */
@Injectable()
export class ShippingOptionWrites {
  async create(manager: EntityManager, request: CreateShippingOptionRequest): Promise<PricedShippingOption> {
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
    const types = (request.requirements ?? []).map((requirement) => requirement.type);
    if (new Set(types).size !== types.length)
      throw DomainError.invalidData('Only one requirement of each type');
    const id = newId('so');
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
    await upsertRows(
      manager,
      'catalog.shipping_option_requirement',
      (request.requirements ?? []).map((requirement) => ({
        id: newId('sor'),
        shipping_option_id: id,
        type: requirement.type,
        amount: requirement.amount,
      })),
    );
    const { text, values } = shippingOptionByIdQuery(id);
    const [row] = (await manager.query(text, values)) as { option: PricedShippingOption }[];
    return row.option;
  }
}
