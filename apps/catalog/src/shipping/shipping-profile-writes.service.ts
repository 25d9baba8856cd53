import { Injectable } from '@nestjs/common';
import {
  CatalogEvents,
  CreateShippingProfileRequest,
  DeletedReply,
  ShippingProfile,
  UpdateShippingProfileRequest,
} from '@app/contracts';
import { DomainError, newId, Outbox } from '@app/platform';
import { EntityManager } from 'typeorm';
import { updateGiven } from '../sql/row-writes';
import { profileByIdQuery } from './shipping-profile.sql';

/**
 * The merchant's shipping profiles (Medusa v1 admin): a cart's items must each be shipped by an
 * option of their product's profile. Created, changed (products and options given move to it),
 * deleted — never the store's default or gift card profile, nor one that still holds products —, each
 * with `events.catalog.shipping-profile-changed`.
 */
@Injectable()
export class ShippingProfileWrites {
  constructor(private readonly outbox: Outbox) {}

  async create(manager: EntityManager, request: CreateShippingProfileRequest): Promise<ShippingProfile> {
    const id = newId('sp');
    await manager.query(
      'INSERT INTO catalog.shipping_profile (id, name, type, metadata) VALUES ($1, $2, $3, $4)',
      [id, request.name, request.type, request.metadata ? JSON.stringify(request.metadata) : null],
    );
    return this.changed(manager, id);
  }

  async update(manager: EntityManager, request: UpdateShippingProfileRequest): Promise<ShippingProfile> {
    await this.lock(manager, request.id);
    await updateGiven(manager, 'catalog.shipping_profile', request.id, request, ['name', 'type', 'metadata']);
    await this.move(manager, 'catalog.product', 'Products', request.id, request.products);
    await this.move(
      manager,
      'catalog.shipping_option',
      'Shipping options',
      request.id,
      request.shipping_options,
    );
    return this.changed(manager, request.id);
  }

  async delete(manager: EntityManager, id: string): Promise<DeletedReply> {
    const [profile] = await manager.query(
      'SELECT type FROM catalog.shipping_profile WHERE id = $1 AND deleted_at IS NULL FOR UPDATE',
      [id],
    );
    if (!profile) return { id, object: 'shipping_profile', deleted: true };
    if (profile.type !== 'custom') {
      throw DomainError.notAllowed('The store’s default and gift card shipping profiles cannot be deleted');
    }
    const [product] = await manager.query(
      'SELECT 1 FROM catalog.product WHERE profile_id = $1 AND deleted_at IS NULL LIMIT 1',
      [id],
    );
    if (product)
      throw DomainError.notAllowed('Move the profile’s products to another profile before deleting it');
    await manager.query(
      'UPDATE catalog.shipping_option SET deleted_at = now() WHERE profile_id = $1 AND deleted_at IS NULL',
      [id],
    );
    await manager.query('UPDATE catalog.shipping_profile SET deleted_at = now() WHERE id = $1', [id]);
    await this.record(manager, id);
    return { id, object: 'shipping_profile', deleted: true };
  }

  /** Moves the rows of `table` given to the profile; 404 naming unknown ones, and none moved. */
  private async move(manager: EntityManager, table: string, name: string, profileId: string, ids?: string[]) {
    if (!ids?.length) return;
    const moved: { id: string }[] = await manager.query(
      `WITH moved AS (UPDATE ${table} SET profile_id = $1, updated_at = now()
                      WHERE id = ANY($2) AND deleted_at IS NULL RETURNING id)
       SELECT id FROM moved`,
      [profileId, ids],
    );
    const missing = ids.filter((id) => !moved.some((row) => row.id === id));
    if (missing.length) throw DomainError.notFound(`${name} with ids ${missing.join(', ')} were not found`);
  }

  private async lock(manager: EntityManager, id: string): Promise<void> {
    const [found] = await manager.query(
      'SELECT id FROM catalog.shipping_profile WHERE id = $1 AND deleted_at IS NULL FOR UPDATE',
      [id],
    );
    if (!found) throw DomainError.notFound(`Profile with id: ${id} was not found`);
  }

  private record(manager: EntityManager, id: string) {
    return this.outbox.record(
      manager,
      CatalogEvents.shippingProfileChanged,
      { id },
      { shipping_profile_id: id },
    );
  }

  /** Records `events.catalog.shipping-profile-changed` and answers the profile as it now is. */
  private async changed(manager: EntityManager, id: string): Promise<ShippingProfile> {
    await this.record(manager, id);
    const { text, values } = profileByIdQuery(id);
    const [row] = (await manager.query(text, values)) as { profile: ShippingProfile }[];
    return row.profile;
  }
}
